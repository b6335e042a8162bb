import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSynthesizerFile, saveSynthesizerFile } from '../artifact/model-file.js';
import { inequality } from '../constraints/inequality.js';
import { independentMarginals } from '../generators/independent-marginals.js';
import { readCsvFile } from '../io/node/read-file.js';
import { formatCsv } from '../io/write-csv.js';
import { detectMetadata } from '../metadata/detect.js';
import type { Metadata } from '../metadata/types.js';
import type { Table } from '../table/table.js';
import { lineage } from './lineage.js';
import { Synthesizer } from './synthesizer.js';
import { SYNTHKIT_VERSION } from './version.js';

const data = (name: string) => fileURLToPath(new URL(`../../../../data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'synthkit-synth-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Synthesizer on Adult', () => {
  let table: Table;
  let metadata: Metadata;
  beforeAll(async () => {
    const read = await readCsvFile(data('adult.csv'));
    table = read.table;
    metadata = detectMetadata(table, { formats: read.formats });
  });

  it('writes byte-identical CSV for the same seeds, different CSV for another seed', async () => {
    const run = async (sampleSeed: number) => {
      const synth = new Synthesizer({ generator: independentMarginals(), metadata });
      await synth.fit(table, { seed: 1 });
      return formatCsv(await synth.sample(3000, { seed: sampleSeed }), metadata);
    };
    const a = await run(1);
    expect(a.split('\n')[0]).toBe(
      'age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income',
    );
    expect(a).toBe(await run(1));
    expect(a).not.toBe(await run(2));
    // Adult's leading spaces survive and integers stay integers
    expect(a.split('\n')[1]).toMatch(/^\d+, [^,]+,\d+, /);
  });

  it('detects metadata itself, saves to a file atomically and loads it back to the same rows', async () => {
    const synth = new Synthesizer({ generator: independentMarginals() });
    await synth.fit(table, { seed: 2 });
    expect(synth.metadata?.columns.sex).toEqual({ sdtype: 'categorical' });
    const path = join(tmp, 'adult.skm');
    await saveSynthesizerFile(synth, path);
    expect(readdirSync(tmp)).toEqual(['adult.skm']);
    const loaded = await loadSynthesizerFile(path, { plugins: [independentMarginals()] });
    const conditions = { sex: 'Female', age: { min: 30, max: 40 } };
    const a = formatCsv(await synth.sample(2000, { seed: 4, conditions }), synth.metadata!);
    expect(formatCsv(await loaded.sample(2000, { seed: 4, conditions }), loaded.metadata!)).toBe(a);
    const rows = a.trim().split('\n').slice(1);
    expect(rows.every((r) => r.split(',')[9] === ' Female')).toBe(true);
    await expect(loadSynthesizerFile(join(tmp, 'missing.skm'))).rejects.toMatchObject({ code: 'IO_ERROR' });

    const manifest = lineage({
      synthesizer: loaded,
      seed: 4,
      rows: 2000,
      conditions,
      input: 'data/adult.csv',
    });
    expect(manifest).toMatchObject({
      synthkit: SYNTHKIT_VERSION,
      generator: { name: 'independent', version: '0.1.0', options: { quantiles: 256 } },
      seed: 4,
      fitSeed: 2,
      rows: 2000,
      conditions: { sex: 'Female', age: { min: 30, max: 40 } },
      input: { path: 'data/adult.csv', rows: 32561 },
    });
    expect(manifest.input.fingerprint).toMatch(/^[0-9a-f]{8,}$/);
    expect(manifest.metadataHash).toMatch(/^[0-9a-f]{8,}$/);
    expect(lineage({ synthesizer: synth, seed: 4, rows: 2000, conditions })).toMatchObject({
      input: { fingerprint: manifest.input.fingerprint },
      metadataHash: manifest.metadataHash,
    });
  });
});

describe('Synthesizer on taxis', () => {
  it('keeps every dropoff at or after its pickup, in the input datetime format', async () => {
    const read = await readCsvFile(data('taxis.csv'));
    const metadata = detectMetadata(read.table, { formats: read.formats });
    const synth = new Synthesizer({
      generator: independentMarginals(),
      metadata,
      constraints: [inequality('pickup', 'dropoff')],
    });
    await synth.fit(read.table, { seed: 1 });
    const out = await synth.sample(5000, { seed: 1 });
    const pickup = (out.column('pickup') as { values: Float64Array }).values;
    const dropoff = (out.column('dropoff') as { values: Float64Array }).values;
    expect(pickup.every((p, i) => Number.isNaN(p) || Number.isNaN(dropoff[i]!) || p <= dropoff[i]!)).toBe(
      true,
    );
    const line = formatCsv(out.slice(0, 1), metadata).split('\n')[1]!;
    expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,/);
  });
});

describe('SYNTHKIT_VERSION', () => {
  it('equals the core package version', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SYNTHKIT_VERSION).toBe(pkg.version);
  });
});
