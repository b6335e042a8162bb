import { mkdir, readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import {
  checkMetadataAgainstTable,
  csvOptionsFromMetadata,
  detectMetadata,
  type GeneratorPlugin,
  lineage,
  type Metadata,
  parseMetadata,
  Synthesizer,
  SynthkitError,
  Table,
} from '@synthkit/core';
import { readTableFile, writeCsvFile, writeFileAtomic } from '@synthkit/core/node';
import type { CliEnv } from './env.js';
import { generatorOptions, parseBalance, parseConditions } from './options.js';
import { resolveGenerator } from './registry.js';

export async function readMetadataFile(path: string): Promise<Metadata> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SynthkitError('IO_ERROR', `Cannot read metadata file ${path}`, {
      hint: 'Check the path',
      cause,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SynthkitError('BAD_METADATA', `${path} is not valid JSON: ${(cause as Error).message}`, {
      hint: 'Create one with `synthkit detect data.csv --out metadata.json` and edit it',
    });
  }
  return parseMetadata(json);
}

/** Reads a table file and its metadata (given or detected). */
export async function readInput(
  path: string,
  metadataPath: string | undefined,
): Promise<{ table: Table; metadata: Metadata; warnings: readonly string[] }> {
  // Given metadata decides how columns are read (a datetime format detection would miss, say).
  const given = metadataPath ? await readMetadataFile(metadataPath) : undefined;
  const read = await readTableFile(path, given ? csvOptionsFromMetadata(given) : {});
  const metadata = given ?? detectMetadata(read.table, { formats: read.formats });
  checkMetadataAgainstTable(metadata, read.table);
  return { table: read.table, metadata, warnings: read.warnings };
}

/** The generator flags shared by `generate` and `fit`. */
export interface GeneratorFlags {
  /** Absent: the config file's generator, else the copula. */
  generator?: string;
  option?: string[];
  epochs?: number;
  backend?: string;
  steps?: number;
  metadata?: string;
  seed: number;
}

/** Resolves the generator named by the flags, reads the input and fits it. */
export async function fitFromFile(
  env: CliEnv,
  input: string,
  flags: GeneratorFlags,
): Promise<{ synth: Synthesizer; table: Table; generator: GeneratorPlugin }> {
  const config = await env.config();
  const generator = await resolveGenerator(
    await env.registry(),
    flags.generator ?? config.generator ?? 'copula',
  );
  // Flags override the config file's options.
  const options = {
    ...config.options,
    ...generatorOptions(flags.option, { epochs: flags.epochs, backend: flags.backend, steps: flags.steps }),
  };
  const { table, metadata, warnings } = await readInput(input, flags.metadata);
  for (const w of warnings) env.say(`warning: ${w}`);
  const synth = new Synthesizer({ generator, options, metadata });
  const progress = env.progress();
  try {
    await synth.fit(table, { seed: flags.seed, onProgress: progress, signal: interruptSignal() });
  } finally {
    progress.done();
  }
  return { synth, table, generator };
}

/** The sampling flags shared by `generate` and `sample`. */
export interface SampleFlags {
  rows?: number;
  out: string;
  seed: number;
  condition?: string[];
  balance?: string;
}

export interface SampleRequest {
  rows: number;
  flags: SampleFlags;
  /** For the lineage manifest. */
  input?: string;
  inputTable?: Table;
  /** Write the metadata JSON beside the output (when the user did not give one). */
  writeMetadata: boolean;
}

/**
 * Samples into `out` (written to a temp name and renamed), then writes the lineage manifest
 * beside it: `synthetic.csv` -> `synthetic.manifest.json` (+ `metadata.json` when detected).
 */
export async function sampleToFile(env: CliEnv, synth: Synthesizer, r: SampleRequest) {
  const progress = env.progress();
  const started = Date.now();
  const kept: Table[] = [];
  const keep = r.inputTable !== undefined && r.rows <= 2_000_000;
  const out = r.flags.out;
  await ensureParentDir(out);
  const seed = r.flags.seed;
  const conditions = parseConditions(r.flags.condition);
  const balance = parseBalance(r.flags.balance);
  const batches = synth.sampleBatches(r.rows, {
    seed,
    conditions,
    balance,
    onProgress: progress,
    signal: interruptSignal(),
  });
  async function* tee() {
    for await (const b of batches) {
      if (keep) kept.push(b);
      yield b;
    }
  }
  try {
    await writeCsvFile(out, tee(), synth.metadata!, { dialect: dialectFor(out) });
  } finally {
    progress.done();
  }
  const manifest = lineage({
    synthesizer: synth,
    seed,
    rows: r.rows,
    conditions,
    balance,
    input: r.input,
    inputTable: r.inputTable,
    startedAt: new Date(started),
    seconds: (Date.now() - started) / 1000,
  });
  const base = out.slice(0, out.length - extname(out).length);
  const files: Record<string, string> = { synthetic: out, manifest: `${base}.manifest.json` };
  await writeFileAtomic(files.manifest!, `${JSON.stringify(manifest, null, 2)}\n`);
  if (r.writeMetadata) {
    files.metadata = join(dirname(out), 'metadata.json');
    await writeFileAtomic(files.metadata, `${JSON.stringify(synth.metadata, null, 2)}\n`);
  }
  return { out, files, manifest, sample: keep ? Table.concat(kept) : undefined };
}

/** Ctrl-C aborts the run cleanly (temp files removed) instead of killing it mid-write. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('interrupted')));
  return controller.signal;
}

/** TSV for .tsv/.tab outputs, CSV otherwise. */
function dialectFor(path: string): { delimiter: string } {
  const ext = extname(path).toLowerCase();
  return { delimiter: ext === '.tsv' || ext === '.tab' ? '\t' : ',' };
}

/** Output folders are created as needed, as users expect of `--out out/synthetic.csv`. */
export async function ensureParentDir(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
}
