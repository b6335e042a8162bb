import type { Registry } from '@synthkit/core';
import { ensureParentDir, loadConfig, type SynthkitConfig, writeFileAtomic } from '@synthkit/core/node';
import { UsageError } from './failure.js';
import { type ProgressSink, progressBar } from './progress.js';

/** Global flags every command accepts. */
export interface GlobalFlags {
  quiet?: boolean;
  json?: string;
  plugin?: string[];
  config?: string;
}

/** What a command needs from the process, passed in so commands stay testable. */
export interface CliEnv {
  /** Built-in plugins plus those loaded with --plugin or a config file. */
  registry(): Promise<Registry>;
  /** The --config file's contents (empty when there is none). */
  config(): Promise<SynthkitConfig>;
  progress(): ProgressSink;
  /** Human output (stdout, or stderr when stdout carries data), silenced by --quiet. */
  say(line: string): void;
  /** `--out -`: stdout now carries the data, so human lines move to stderr. */
  useStdoutForData(): void;
  /** Writes the machine-readable result where --json points ('-' = stdout). */
  result(value: unknown): Promise<void>;
  flags: GlobalFlags;
}

export function makeEnv(
  flags: GlobalFlags,
  loadRegistry: (config: SynthkitConfig) => Promise<Registry>,
): CliEnv {
  let registry: Promise<Registry> | undefined;
  let config: Promise<SynthkitConfig> | undefined;
  const getConfig = () => {
    config ??= flags.config ? loadConfig(flags.config) : Promise.resolve({});
    return config;
  };
  const jsonToStdout = flags.json === '-';
  let dataToStdout = false;
  return {
    flags,
    config: getConfig,
    registry: () => {
      registry ??= getConfig().then(loadRegistry);
      return registry;
    },
    progress: () => progressBar({ quiet: flags.quiet === true }),
    // With --json - or --out -, stdout carries only the JSON document or the CSV, so human lines go to stderr.
    say: (line) => {
      if (flags.quiet) return;
      (jsonToStdout || dataToStdout ? process.stderr : process.stdout).write(`${line}\n`);
    },
    useStdoutForData: () => {
      if (jsonToStdout)
        throw new UsageError('--out - and --json - both want stdout', 'Write one of them to a file');
      dataToStdout = true;
    },
    result: (value) => writeJson(flags.json, value),
  };
}

/** Writes a JSON document to a file (atomically) or, for '-', to stdout; nothing without a target. */
export async function writeJson(target: string | undefined, value: unknown): Promise<void> {
  if (!target) return;
  const text = `${JSON.stringify(value, jsonReplacer, 2)}\n`;
  if (target === '-') {
    process.stdout.write(text);
    return;
  }
  await ensureParentDir(target);
  await writeFileAtomic(target, text);
}

/** NaN and Infinity are not JSON: write them as null with the number kept as a string beside? Keep it simple: null. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
