import { stat } from 'node:fs/promises';
import { saveSynthesizerFile } from '@synthkit/core/node';
import type { Command } from 'commander';
import { seedArg } from '../options.js';
import { preparePaths } from '../paths.js';
import { ensureParentDir, fitFromFile, type GeneratorFlags, jsonOutput } from '../pipeline.js';
import { Stopwatch } from '../stopwatch.js';
import { count } from '../summary.js';
import { withGeneratorFlags } from './generate.js';
import type { CliCommand } from './types.js';

export const fitCommand: CliCommand = {
  register(program, envOf) {
    withGeneratorFlags(
      program
        .command('fit')
        .description('learn a table and save the fitted model (an artifact with no training rows)')
        .argument('<input>', 'a CSV, TSV, JSON or JSON-lines file'),
    )
      .option('-o, --out <file>', 'model artifact to write', 'model.synthkit')
      .option('-s, --seed <n>', 'random seed for training', seedArg, 0)
      .action(async (input: string, opts: GeneratorFlags & { out: string }, cmd: Command) => {
        const env = envOf(cmd);
        const clock = new Stopwatch();
        await preparePaths(
          [
            { flag: '', path: input },
            { flag: '--metadata', path: opts.metadata },
          ],
          [{ flag: '--out', path: opts.out }, jsonOutput(env)],
        );
        const { synth, table, generator } = await fitFromFile(env, input, opts, clock);
        await clock.time('write', async () => {
          await ensureParentDir(opts.out);
          await saveSynthesizerFile(synth, opts.out);
        });
        const bytes = (await stat(opts.out)).size;
        const seconds = clock.seconds();
        env.say(
          `synthkit: fitted ${generator.name} on ${count(table.nRows, 'row')} of ${input} -> ${opts.out} (${count(bytes, 'byte')}) in ${seconds.toFixed(2)} s`,
        );
        await env.result({
          model: opts.out,
          bytes,
          generator: synth.generatorInfo,
          rows: table.nRows,
          seconds,
          stages: clock.stages(),
        });
      });
  },
};
