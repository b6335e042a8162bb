import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
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
import { UsageError } from './failure.js';
import { generatorOptions, parseBalance, parseConditions } from './options.js';
import type { PathUse } from './paths.js';
import { resolveGenerator } from './registry.js';
import { writeStdout } from './stdout.js';
import type { Stopwatch } from './stopwatch.js';

export { ensureParentDir };

/** `--delimiter` and `--non-finite`: how input files are read (every command that reads a table). */
export interface ReadFlags {
  delimiter?: string;
  encoding?: string;
  nonFinite?: 'error' | 'missing';
}

/** The reader options the flags ask for (absent flags leave the reader's defaults and sniffing). */
export function readOptions(flags: ReadFlags): CsvReadOptions {
  return {
    ...(flags.delimiter !== undefined ? { delimiter: flags.delimiter } : {}),
    ...(flags.encoding !== undefined ? { encoding: flags.encoding } : {}),
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
  /** For the lineage manifest: the training file (generate)… */
  input?: string;
  /** …or the saved model sampled (sample): recorded as `model.path`, the training data as `trainingData`. */
  model?: string;
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
  const side = await sideFiles(out, r.flags.metadataOut, r.writeMetadata);
  if (toStdout) env.useStdoutForData();
  else await ensureParentDir(out);
  if (side.special) noteSpecialOutput(env, out);
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
  const { input: trained, ...base } = lineage({
    synthesizer: synth,
    seed,
    rows: r.rows,
    conditions,
    balance,
    input: r.input,
    inputTable: r.inputTable,
    startedAt: r.clock.startedAt,
    seconds: r.clock.seconds(),
  });
  const manifest = {
    ...base,
    ...(r.model !== undefined
      ? { model: { path: r.model }, trainingData: { fingerprint: trained.fingerprint, rows: trained.rows } }
      : { input: trained }),
    stages: r.clock.stages(),
  };
  const files: Record<string, string> = { synthetic: out };
  if (side.manifest !== undefined) {
    files.manifest = side.manifest;
    await writeFileAtomic(files.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  if (side.metadata !== undefined) {
    await ensureParentDir(side.metadata);
    await writeFileAtomic(side.metadata, `${JSON.stringify(synth.metadata, null, 2)}\n`);
    files.metadata = side.metadata;
  }
  return { out, files, manifest, sample: keep ? Table.concat(kept) : undefined };
}

/**
 * The files written beside a sample output: the manifest, and the metadata when detected (or asked
 * for with --metadata-out). Only beside a regular file: stdout, `/dev/null` or a FIFO gets none
 * (`special`), since `/dev/null.manifest.json` is no place for them.
 */
export async function sideFiles(
  out: string,
  metadataOut: string | undefined,
  writeMetadata: boolean,
): Promise<{ manifest?: string; metadata?: string; special: boolean }> {
  const s = isStdout(out) ? undefined : await stat(out).catch(() => undefined);
  const special = s !== undefined && !s.isFile() && !s.isDirectory();
  const beside = !isStdout(out) && !special;
  const metadata = metadataOut ?? (writeMetadata && beside ? `${baseOf(out)}.metadata.json` : undefined);
  return {
    special,
    ...(beside ? { manifest: `${baseOf(out)}.manifest.json` } : {}),
    ...(metadata !== undefined ? { metadata } : {}),
  };
}

/** Says (on stderr, unless --quiet) why no manifest appears beside a device or FIFO output. */
export function noteSpecialOutput(env: CliEnv, out: string): void {
  if (!env.flags.quiet)
    process.stderr.write(
      `synthkit: ${out} is not a regular file (a device or FIFO): no manifest or metadata file is written beside it\n`,
    );
}

/** Output formats by extension: only CSV and TSV are written (no extension, or a device, is CSV). */
const WRITABLE = new Set(['', '.csv', '.txt', '.tsv', '.tab']);

/** Refuses `--out x.json` (which would get CSV inside) before any work. */
export async function checkTableOutFormat(flag: string, out: string): Promise<void> {
  if (isStdout(out)) return;
  const ext = extname(out).toLowerCase();
  if (WRITABLE.has(ext)) return;
  const s = await stat(out).catch(() => undefined);
  if (s !== undefined && !s.isFile() && !s.isDirectory()) return;
  throw new UsageError(
    `${flag} ${out}: cannot write ${ext} files; synthetic rows are written as CSV or TSV`,
    `Use a .csv (comma-separated) or .tsv (tab-separated) file name, or - for CSV on stdout`,
  );
}

/** The paths every command checks up front: `--json FILE` is an output like any other. */
export function jsonOutput(env: CliEnv): PathUse {
  return { flag: '--json', path: env.flags.json };
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

/** Ctrl-C, SIGTERM and SIGHUP abort the run cleanly (temp files removed) instead of killing it mid-write. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  onInterrupt(() => controller.abort(new Error('interrupted')));
  return controller.signal;
}

/** Calls `stop` once on the first SIGINT, SIGTERM or SIGHUP (each of which would otherwise kill the process mid-write). */
export function onInterrupt(stop: () => void): void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handler = () => {
    for (const s of signals) process.off(s, handler);
    stop();
  };
  for (const s of signals) process.on(s, handler);
}

/** TSV for .tsv/.tab outputs, CSV otherwise. */
export function dialectFor(path: string): { delimiter: string } {
  if (isStdout(path)) return { delimiter: ',' };
  const ext = extname(path).toLowerCase();
  return { delimiter: ext === '.tsv' || ext === '.tab' ? '\t' : ',' };
}
