import type { Metadata } from '@synthkit/core';
import { csvByteChunks, parseOptions, SynthkitError } from '@synthkit/core';
import { writeCsvFile, writeFileAtomic } from '@synthkit/core/node';
import type { CliEnv } from './env.js';
import { generatorOptions } from './options.js';
import {
  dialectFor,
  ensureParentDir,
  isStdout,
  noteSpecialOutput,
  type SampleFlags,
  sideFiles,
} from './pipeline.js';
import { writeStdout } from './stdout.js';
import { count } from './summary.js';

interface OnnxFlags extends SampleFlags {
  encoder?: string;
  steps?: number;
  option?: string[];
}

/**
 * `synthkit sample model.onnx --encoder encoder.json`: a diffusion denoiser trained anywhere
 * (PyTorch included) that follows @synthkit/diffusion's contract, sampled with onnxruntime.
 */
export async function sampleOnnxFile(env: CliEnv, model: string, flags: OnnxFlags) {
  if (!flags.encoder)
    throw new SynthkitError('BAD_OPTION', `${model} is an ONNX model: it needs its encoder sidecar`, {
      hint: 'Pass --encoder encoder.json (see @synthkit/diffusion README, "Bring your own model")',
    });
  if ((flags.condition?.length ?? 0) > 0 || flags.balance)
    throw new SynthkitError(
      'UNSUPPORTED',
      'Conditions and --balance are not supported when sampling a bare ONNX model',
      {
        hint: 'Fit a model with `synthkit fit --generator ddpm` to sample with conditions',
      },
    );
  const { OnnxTabularModel, onnxRuntimeOptions, onnxSamplingOptions } = await import('@synthkit/diffusion');
  // -O: how the model runs (load) and how it samples (per call), checked against the library's schema.
  const given = generatorOptions(flags.option);
  const parsed = parseOptions({ ...onnxRuntimeOptions, ...onnxSamplingOptions }, given, 'ONNX model');
  const { device, threads, sessions, precision, eta, batchSize, label } = parsed;
  const options = {
    load: { device, threads, sessions, precision },
    sample: { eta, batchSize, ...(label ? { label } : {}) },
    /** What the user set, as parsed, for the manifest. */
    set: Object.fromEntries(Object.keys(given).map((k) => [k, parsed[k as keyof typeof parsed]])),
  };
  const rows = flags.rows ?? 1000;
  const side = await sideFiles(flags.out, undefined, false);
  const onnx = await OnnxTabularModel.load(model, flags.encoder, options.load);
  const progress = env.progress();
  const started = Date.now();
  try {
    const sampling = { ...options.sample, seed: flags.seed, ...(flags.steps ? { steps: flags.steps } : {}) };
    onnx.resolve(rows, sampling);
    const toStdout = isStdout(flags.out);
    if (toStdout) env.useStdoutForData();
    else await ensureParentDir(flags.out);
    if (side.special) noteSpecialOutput(env, flags.out);
    const batches = onnx.sample(rows, { ...sampling, progress });
    const metadata = metadataOf(onnx.sidecar.columns);
    const dialect = dialectFor(flags.out);
    if (toStdout) await writeStdout(csvByteChunks(batches, metadata, { dialect }));
    else await writeCsvFile(flags.out, batches, metadata, { dialect });
  } finally {
    progress.done();
    await onnx.release();
  }
  const manifest = {
    model,
    encoder: flags.encoder,
    runtime: onnx.runtime,
    seed: flags.seed,
    steps: flags.steps ?? null,
    options: options.set,
    rows,
    seconds: Math.round(Date.now() - started) / 1000,
  };
  const files: Record<string, string> = { synthetic: flags.out };
  if (side.manifest !== undefined) {
    files.manifest = side.manifest;
    await writeFileAtomic(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  env.say(`synthkit: ${count(rows, 'row')} from ${model} (${onnx.runtime}) -> ${flags.out}`);
  await env.result({ ...manifest, files });
}

/** The sidecar says how each column is written: whole numbers, decimals, or categories. */
function metadataOf(
  columns: ReadonlyArray<{ name: string; kind: 'numerical' | 'categorical'; decimals?: number }>,
): Metadata {
  const out: Metadata['columns'] = {};
  for (const c of columns)
    out[c.name] =
      c.kind === 'categorical'
        ? { sdtype: 'categorical' }
        : c.decimals === 0
          ? { sdtype: 'numerical', representation: 'integer' }
          : {
              sdtype: 'numerical',
              representation: 'float',
              ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
            };
  return { version: 1, columns: out };
}
