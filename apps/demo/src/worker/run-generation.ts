/**
 * One "Generate" click, in the worker: fit on the training rows, sample, then evaluate and audit.
 * Every stage reports progress and stops when the signal aborts.
 */

import { gaussianCopula } from '@synthkit/copula';
import {
  type Conditions,
  checkMetadataAgainstTable,
  formatCsv,
  type GeneratorPlugin,
  lineage,
  type ProgressEvent,
  parseMetadata,
  Synthesizer,
  type Table,
} from '@synthkit/core';
import { evaluate, evaluationSections } from '@synthkit/evaluate';
import { audit, privacySection, splitTable } from '@synthkit/privacy';
import type { ReportSection } from '@synthkit/report';
import { previewRows } from './preview.js';
import type { GeneratedInfo, GenerateRequest } from './protocol.js';

/** The privacy audit needs control rows the generator never saw; below this many rows it is skipped. */
const MIN_ROWS_FOR_AUDIT = 200;

export interface LastRun {
  readonly sections: readonly ReportSection[];
  readonly title: string;
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

export async function runGeneration(
  table: Table,
  inputName: string,
  request: GenerateRequest,
  signal: AbortSignal,
  progress: (e: ProgressEvent) => void,
): Promise<{ info: GeneratedInfo; last: LastRun }> {
  const metadata = parseMetadata(request.metadata);
  checkMetadataAgainstTable(metadata, table);
  const notices: string[] = [];

  let train = table;
  let control: Table | undefined;
  if (request.privacy) {
    if (table.nRows >= MIN_ROWS_FOR_AUDIT) {
      // Split before fitting: the audit compares rows the generator saw with rows it never saw.
      ({ train, control } = splitTable(table, { holdout: 0.2, seed: request.seed }));
      notices.push(
        `The generator was trained on ${train.nRows.toLocaleString('en-US')} rows; ${control.nRows.toLocaleString('en-US')} were held out for the privacy audit.`,
      );
    } else notices.push(`Privacy audit skipped: it needs at least ${MIN_ROWS_FOR_AUDIT} rows.`);
  }

  let plugin: GeneratorPlugin;
  let backend: string | undefined;
  if (request.generator === 'copula') plugin = gaussianCopula();
  else {
    progress({ stage: 'load', done: 0, total: 1, message: 'loading TensorFlow.js' });
    const { neuralGenerator } = await import('./neural-generator.js');
    plugin = await neuralGenerator(request.generator, request.epochs);
    backend = 'TensorFlow.js wasm';
  }

  const synth = new Synthesizer({ generator: plugin, metadata });
  let t0 = performance.now();
  await synth.fit(train, { seed: request.seed, signal, onProgress: progress });
  const fitSeconds = seconds(t0);

  const conditions = request.conditions as Conditions;
  t0 = performance.now();
  const synthetic = await synth.sample(request.rows, {
    seed: request.seed + 1,
    conditions,
    signal,
    onProgress: progress,
  });
  const sampleSeconds = seconds(t0);
  const meta = synth.metadata!;

  const csv = new Blob([formatCsv(synthetic, meta)], { type: 'text/csv' });
  const metadataJson = new Blob([`${JSON.stringify(meta, null, 2)}\n`], { type: 'application/json' });
  const model = new Blob([synth.save() as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const manifest = lineage({
    synthesizer: synth,
    seed: request.seed + 1,
    rows: request.rows,
    ...(Object.keys(conditions).length > 0 ? { conditions } : {}),
    input: inputName,
    inputTable: train,
    seconds: fitSeconds + sampleSeconds,
  });
  const manifestJson = new Blob([`${JSON.stringify(manifest, null, 2)}\n`], { type: 'application/json' });

  t0 = performance.now();
  const target = request.deepEvaluation ? defaultTarget(meta) : undefined;
  const report = await evaluate({
    real: train,
    synthetic,
    metadata: meta,
    metrics: request.deepEvaluation ? undefined : ['quality', 'diagnostic'],
    seed: request.seed,
    ...(target ? { target } : {}),
    signal,
    progress,
  });
  const sections = evaluationSections(report, { real: train, synthetic, metadata: meta });
  const evaluateSeconds = seconds(t0);

  t0 = performance.now();
  let privacy: GeneratedInfo['privacy'] = null;
  if (control) {
    const pr = await audit({
      train,
      control,
      synthetic,
      metadata: meta,
      seed: request.seed,
      signal,
      progress,
    });
    privacy = { summary: pr.summary, sections: [privacySection(pr)] };
  }
  const auditSeconds = control ? seconds(t0) : 0;

  const all = [...sections, ...(privacy?.sections ?? [])];
  return {
    info: {
      rows: synthetic.nRows,
      columns: synthetic.names,
      preview: await previewRows(synthetic, meta, 12),
      csv,
      metadataJson,
      model,
      manifest: manifestJson,
      quality: report.quality ? report.quality.overall : null,
      sections,
      privacy,
      notices: [...notices, ...report.warnings],
      timings: { fitSeconds, sampleSeconds, evaluateSeconds, auditSeconds },
      generator: `${plugin.name} ${plugin.version}`,
      ...(backend ? { backend } : {}),
    },
    last: { sections: all, title: `synthkit report: ${inputName}` },
  };
}

/** The column utility metrics predict: the last categorical column (Adult's income), else the last numerical one. */
function defaultTarget(meta: { columns: Record<string, { sdtype: string }> }): string | undefined {
  const names = Object.keys(meta.columns);
  const pick = (t: string) => names.filter((n) => meta.columns[n]!.sdtype === t).at(-1);
  return pick('categorical') ?? pick('boolean') ?? pick('numerical');
}
