import { writeFile } from 'node:fs/promises';
import type { Registry } from '@synthkit/core';
import { loadConfig, type SynthkitConfig } from '@synthkit/core/node';
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
  /** Human output (stdout), silenced by --quiet. */
  say(line: string): void;
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
  return {
    flags,
    config: getConfig,
    registry: () => {
      registry ??= getConfig().then(loadRegistry);
      return registry;
    },
    progress: () => progressBar({ quiet: flags.quiet === true }),
    // With --json -, stdout carries only the JSON document, so human lines go to stderr.
    say: (line) => {
      if (flags.quiet) return;
      (jsonToStdout ? process.stderr : process.stdout).write(`${line}\n`);
    },
    result: async (value) => {
      if (!flags.json) return;
      const text = `${JSON.stringify(value, jsonReplacer, 2)}\n`;
      if (jsonToStdout) process.stdout.write(text);
      else await writeFile(flags.json, text);
    },
  };
}

/** NaN and Infinity are not JSON: write them as null with the number kept as a string beside? Keep it simple: null. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
