import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type BalanceOptions,
  type CsvReadOptions,
  checkMetadataAgainstTable,
  csvByteChunks,
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
import { ensureParentDir, readTableFile, writeCsvFile, writeFileAtomic } from '@synthkit/core/node';
import { completeBalance } from './balance.js';
import type { CliEnv } from './env.js';
import { generatorOptions, parseBalance, parseConditions } from './options.js';
import { resolveGenerator } from './registry.js';
import { writeStdout } from './stdout.js';
import type { Stopwatch } from './stopwatch.js';

export { ensureParentDir };

/** `--delimiter` and `--non-finite`: how input files are read (every command that reads a table). */
export interface ReadFlags {
  delimiter?: string;
  nonFinite?: 'error' | 'missing';
}

/** The reader options the flags ask for (absent flags leave the reader's defaults and sniffing). */
export function readOptions(flags: ReadFlags): CsvReadOptions {
  return {
    ...(flags.delimiter !== undefined ? { delimiter: flags.delimiter } : {}),
    ...(flags.nonFinite !== undefined ? { nonFinite: flags.nonFinite } : {}),
  };
}

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
  flags: ReadFlags = {},
): Promise<{ table: Table; metadata: Metadata; warnings: readonly string[] }> {
  // Given metadata decides how columns are read (a datetime format detection would miss, say).
  const given = metadataPath ? await readMetadataFile(metadataPath) : undefined;
  const read = await readTableFile(path, {
    ...(given ? csvOptionsFromMetadata(given) : {}),
    ...readOptions(flags),
  });
  const metadata = given ?? detectMetadata(read.table, { formats: read.formats });
  checkMetadataAgainstTable(metadata, read.table);
  return { table: read.table, metadata, warnings: read.warnings };
}

/** The generator flags shared by `generate` and `fit`. */
export interface GeneratorFlags extends ReadFlags {
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
  clock: Stopwatch,
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
  const { table, metadata, warnings } = await clock.time('read', () =>
    readInput(input, flags.metadata, flags),
  );
  for (const w of warnings) env.say(`warning: ${w}`);
  const synth = new Synthesizer({ generator, options, metadata });
  const progress = env.progress();
  try {
    await clock.time('fit', () =>
      synth.fit(table, { seed: flags.seed, onProgress: progress, signal: interruptSignal() }),
    );
  } finally {
    progress.done();
  }
  for (const w of synth.fitWarnings) env.say(`warning: ${w}`);
  return { synth, table, generator };
}

/** The sampling flags shared by `generate` and `sample`. */
export interface SampleFlags {
  rows?: number;
  /** A file, or '-' for CSV on stdout. */
  out: string;
  seed: number;
  condition?: string[];
  balance?: string;
  /** Where to write the metadata JSON (generate); default `<out base>.metadata.json` when detected. */
  metadataOut?: string;
}

export interface SampleRequest {
  rows: number;
  flags: SampleFlags;
  /** Timing of the whole command; the manifest's `seconds` and `stages` come from it. */
  clock: Stopwatch;
  /** For the lineage manifest. */
  input?: string;
  inputTable?: Table;
  /** Write the metadata JSON beside the output (when the user did not give one). */
  writeMetadata: boolean;
}

/** `--out -`: CSV on stdout. */
export const isStdout = (out: string) => out === '-';

/**
 * Samples into `out` (written to a temp name and renamed), then writes the lineage manifest
 * beside it: `synthetic.csv` -> `synthetic.manifest.json` (+ `synthetic.metadata.json` when detected).
 * With `--out -` the CSV goes to stdout and no other file is written (unless --metadata-out asks).
 */
export async function sampleToFile(env: CliEnv, synth: Synthesizer, r: SampleRequest) {
  const kept: Table[] = [];
  const keep = r.inputTable !== undefined && r.rows <= 2_000_000;
  const out = r.flags.out;
  const toStdout = isStdout(out);
  if (toStdout) env.useStdoutForData();
  else await ensureParentDir(out);
  const seed = r.flags.seed;
  const conditions = parseConditions(r.flags.condition);
  const balance = await naturalBalance(synth, parseBalance(r.flags.balance), r.inputTable, seed);
  const progress = env.progress();
  const batches = synth.sampleBatches(r.rows, {
    seed,
    conditions,
    balance,
    onProgress: progress,
    signal: interruptSignal(),
  });
  // Sampling and writing interleave: time spent waiting for batches is sampling, the rest writing.
  let sampling = 0;
  async function* tee() {
    for (;;) {
      const t = performance.now();
      const next = await batches.next();
      sampling += performance.now() - t;
      if (next.done) return;
      if (keep) kept.push(next.value);
      yield next.value;
    }
  }
  const t0 = performance.now();
  try {
    const dialect = dialectFor(out);
    if (toStdout) await writeStdout(csvByteChunks(tee(), synth.metadata!, { dialect }));
    else await writeCsvFile(out, tee(), synth.metadata!, { dialect });
  } finally {
    progress.done();
    await batches.return(undefined);
  }
  r.clock.add('sample', sampling);
  r.clock.add('write', performance.now() - t0 - sampling);
  const manifest = {
    ...lineage({
      synthesizer: synth,
      seed,
      rows: r.rows,
      conditions,
      balance,
      input: r.input,
      inputTable: r.inputTable,
      startedAt: r.clock.startedAt,
      seconds: r.clock.seconds(),
    }),
    stages: r.clock.stages(),
  };
  const files: Record<string, string> = { synthetic: out };
  if (!toStdout) {
    files.manifest = `${baseOf(out)}.manifest.json`;
    await writeFileAtomic(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  const metadataOut =
    r.flags.metadataOut ?? (r.writeMetadata && !toStdout ? `${baseOf(out)}.metadata.json` : undefined);
  if (metadataOut !== undefined) {
    await ensureParentDir(metadataOut);
    await writeFileAtomic(metadataOut, `${JSON.stringify(synth.metadata, null, 2)}\n`);
    files.metadata = metadataOut;
  }
  return { out, files, manifest, sample: keep ? Table.concat(kept) : undefined };
}

/** Fails before a long fit when the output path is a folder, not after it. */
export async function checkOutPath(out: string): Promise<void> {
  if (isStdout(out)) return;
  const s = await stat(out).catch(() => undefined);
  if (s?.isDirectory())
    throw new SynthkitError('IO_ERROR', `Cannot write ${out}: it is a folder`, {
      hint: `Give a file name inside it, e.g. --out ${join(out, 'synthetic.csv')}`,
    });
}

/** `out/synthetic.csv` -> `out/synthetic` (what manifest and metadata file names are built on). */
function baseOf(out: string): string {
  return out.slice(0, out.length - extname(out).length);
}

/**
 * Fills in the values a `--balance` spec leaves out with their natural shares: from the training
 * rows when at hand, else from a pilot sample of the model (seeded from the run's seed).
 */
async function naturalBalance(
  synth: Synthesizer,
  balance: BalanceOptions | undefined,
  input: Table | undefined,
  seed: number,
): Promise<BalanceOptions | undefined> {
  if (!balance?.shares) return balance;
  const natural = input ?? (await synth.sample(PILOT_ROWS, { seed: (seed ^ 0x5eed) >>> 0 }));
  return completeBalance(balance, natural);
}

const PILOT_ROWS = 10_000;

/** Ctrl-C aborts the run cleanly (temp files removed) instead of killing it mid-write. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('interrupted')));
  return controller.signal;
}

/** TSV for .tsv/.tab outputs, CSV otherwise. */
function dialectFor(path: string): { delimiter: string } {
  if (isStdout(path)) return { delimiter: ',' };
  const ext = extname(path).toLowerCase();
  return { delimiter: ext === '.tsv' || ext === '.tab' ? '\t' : ',' };
}
