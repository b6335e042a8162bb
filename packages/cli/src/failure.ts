import { isSynthkitError, SynthkitError, type SynthkitErrorCode } from '@synthkit/core';
import { fromSystemError, isSystemError } from '@synthkit/core/node';
import { CommanderError } from 'commander';

/** A mistake in how the command was called (unknown option, missing argument, conflicting flags). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** What the user sees of an error: one line on stderr, and `{"error": …}` with --json. */
export interface Failure {
  code: SynthkitErrorCode;
  message: string;
  hint?: string;
  column?: string;
  row?: number;
  exitCode: number;
}

/** Exit codes: 1 = the run failed (bad data, I/O), 2 = the command was called wrongly, or a bug. */
const FAILED = 1;
const MISUSED = 2;

/**
 * Sorts anything thrown out of a command: a clean exit (help, version, a reader that closed the
 * pipe), or a failure to report. `command` is the subcommand typed, for the usage hint.
 */
export function classify(e: unknown, command: string | undefined): { exitCode: number } | Failure {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0 || e.code === 'commander.help' || e.code === 'commander.helpDisplayed')
      return { exitCode: e.exitCode };
    const message = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    // `--iterations 10`: most likely a generator option, which goes through -O.
    const option = e.code === 'commander.unknownOption' ? /'--([\w-]+)'/.exec(message)?.[1] : undefined;
    const hint = option
      ? `Generator options go through -O: -O ${option}=<value> (synthkit inspect --generator <name> lists them); see synthkit ${command ? `${command} ` : ''}--help for the flags`
      : undefined;
    return usage(message, hint, command);
  }
  if (e instanceof UsageError) return usage(e.message, e.hint, command);
  // `synthkit generate … --out - | head -1`: the reader has all it wanted.
  if ((e as { code?: unknown })?.code === 'EPIPE') return { exitCode: 0 };
  const known = isSynthkitError(e) ? e : isSystemError(e) ? fromSystemError(e) : undefined;
  if (known)
    return {
      code: known.code,
      message: known.message,
      exitCode: FAILED,
      ...(known.hint !== undefined ? { hint: asFlags(known.hint) } : {}),
      ...(known.column !== undefined ? { column: known.column } : {}),
      ...(known.row !== undefined ? { row: known.row } : {}),
    };
  return {
    code: 'INTERNAL',
    message: `unexpected error: ${(e as Error)?.stack ?? String(e)}`,
    hint: 'This is a bug in synthkit or a plugin: please report it with the command you ran',
    exitCode: MISUSED,
  };
}

/** Core's hints name API options; on the command line the user needs the flags. */
function asFlags(hint: string): string {
  return hint
    .replace(/pass nonFinite: 'missing'/gi, 'pass --non-finite missing')
    .replace(
      /Pass the file's encoding \(encoding: '([^']+)' or '([^']+)'[^)]*\)/g,
      "Pass the file's encoding with --encoding (e.g. --encoding $1 or --encoding $2)",
    )
    .replace(/Pass delimiter "([^"]*)"/g, (_, d: string) => `Pass --delimiter "${d === '\\t' ? 'tab' : d}"`);
}

function usage(message: string, hint: string | undefined, command: string | undefined): Failure {
  return {
    code: 'USAGE',
    message,
    hint: hint ?? `See synthkit ${command ? `${command} ` : ''}--help`,
    exitCode: MISUSED,
  };
}

/** `[CODE] message (column "x", row 3). hint`: SynthkitError's own line. */
export function failureLine(f: Failure): string {
  // A message that ends its own sentence ("… failed.") would get a second period before the hint.
  return new SynthkitError(f.code, f.message.replace(/\.+$/, ''), {
    ...(f.column !== undefined ? { column: f.column } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
  }).toLine();
}

export function isFailure(x: { exitCode: number } | Failure): x is Failure {
  return 'code' in x;
}
