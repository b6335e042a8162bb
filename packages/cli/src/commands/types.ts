import type { Command } from 'commander';
import type { CliEnv } from '../env.js';

/** A CLI command: one file in commands/, listed in commands/index.ts. */
export interface CliCommand {
  register(program: Command, env: (cmd: Command) => CliEnv): void;
}
