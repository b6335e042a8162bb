import { Registry } from '@synthkit/core';
import { Command } from 'commander';
import { commands } from './commands/index.js';
import { type GlobalFlags, makeEnv, writeJson } from './env.js';
import { classify, failureLine, isFailure } from './failure.js';
import { keepJsonAway } from './paths.js';
import { loadRegistry } from './registry.js';
import { CLI_VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('synthkit')
    .description('Synthetic tabular data: generate, evaluate and audit')
    .version(CLI_VERSION)
    .option('-q, --quiet', 'no progress bar and no summary on the terminal')
    .option(
      '--json <file>',
      "write the command's machine-readable result to FILE ('-' for stdout); on failure {\"error\": {code, message, hint}}",
    )
    .option('--plugin <spec...>', 'load plugins from a package name or path (repeatable)')
    .option('--config <file>', 'a synthkit.config.json with plugins, generator and options')
    // Commander's own errors are thrown (not printed, no process.exit) so main() formats them like ours;
    // set before the commands are added so every subcommand inherits it.
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  const envOf = (cmd: Command) => {
    const flags = cmd.optsWithGlobals<GlobalFlags>();
    return makeEnv(flags, (config) => loadRegistry(new Registry(), flags, config));
  };
  for (const c of commands) c.register(program, envOf);
  return program;
}

/** Runs the CLI; returns the exit code. Errors become one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const command = argv.slice(2).find((a) => program.commands.some((c) => c.name() === a));
    const outcome = classify(e, command);
    if (!isFailure(outcome)) return outcome.exitCode;
    const line = failureLine(outcome);
    process.stderr.write(`synthkit: ${line}\n`);
    const { exitCode: _, ...error } = outcome;
    const target = jsonTarget(program, argv);
    // `--json data.csv` naming the input must not be overwritten by the error report either.
    if (await keepJsonAway(e, target)) return outcome.exitCode;
    try {
      await writeJson(target, { error });
    } catch (e2) {
      const f = classify(e2, command);
      // The run may have failed on writing --json itself: that error is said once, not twice.
      if (isFailure(f) && failureLine(f) !== line) process.stderr.write(`synthkit: ${failureLine(f)}\n`);
    }
    return outcome.exitCode;
  }
}

/** Where --json points, even when parsing failed before commander stored it. */
function jsonTarget(program: Command, argv: string[]): string | undefined {
  const parsed = program.opts<{ json?: string }>().json;
  if (parsed !== undefined) return parsed;
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--json') return argv[i + 1];
    if (a.startsWith('--json=')) return a.slice('--json='.length);
  }
  return undefined;
}
