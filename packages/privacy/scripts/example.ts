/**
 * The README example, runnable: split Adult, fit core's independent-marginals baseline on train,
 * audit its synthetic rows and write the HTML and JSON reports to out/.
 *
 *   node --conditions=@synthkit/source --import tsx packages/privacy/scripts/example.ts
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { detectMetadata, independentMarginals, Synthesizer } from '@synthkit/core';
import { readCsvFile } from '@synthkit/core/node';
import { privacyReportJson, renderPrivacyHtml, splitTable } from '../src/index.js';
import { audit } from '../src/node/index.js';

const { table } = await readCsvFile(new URL('../../../data/adult.csv', import.meta.url).pathname);
const metadata = detectMetadata(table);
const { train, control } = splitTable(table, { holdout: 0.2, seed: 0 }); // before training!
const synth = new Synthesizer({ generator: independentMarginals(), metadata });
await synth.fit(train, { seed: 1 });
const synthetic = await synth.sample(train.nRows, { seed: 2 });

const report = await audit({ train, control, synthetic, metadata, secrets: ['income'], seed: 0 });
console.log(report.summary);
for (const a of report.attacks) console.log(`${a.name}: ${a.verdict}`);
await mkdir('out', { recursive: true });
await writeFile('out/privacy.html', renderPrivacyHtml(report));
await writeFile('out/privacy.json', privacyReportJson(report));
