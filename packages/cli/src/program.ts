import { isSynthkitError, Registry } from '@synthkit/core';
import { Command } from 'commander';
import { commands } from './commands/index.js';
import { type GlobalFlags, makeEnv } from './env.js';
import { loadRegistry } from './registry.js';
import { CLI_VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('synthkit')
    .description('Synthetic tabular data: generate, evaluate and audit')
    .version(CLI_VERSION)
    .option('-q, --quiet', 'no progress bar and no summary on the terminal')
    .option('--json <file>', "write the command's machine-readable result to FILE ('-' for stdout)")
    .option('--plugin <spec...>', 'load plugins from a package name or path (repeatable)')
    .option('--config <file>', 'a synthkit.config.json with plugins, generator and options')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str) });

  const envOf = (cmd: Command) => {
    const flags = cmd.optsWithGlobals<GlobalFlags>();
    return makeEnv(flags, (config) => loadRegistry(new Registry(), flags, config));
  };
  for (const c of commands) c.register(program, envOf);
  return program;
}

/** Runs the CLI; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return err.exitCode ?? 1;
    if (isSynthkitError(e)) {
      process.stderr.write(`synthkit: ${e.toLine()}\n`);
      return 1;
    }
    process.stderr.write(`synthkit: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}
