import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { saveSynthesizerFile } from '@synthkit/core/node';
import { generatorOptions } from '../options.js';
import { fitFromFile } from '../pipeline.js';
import { resolveGenerator } from '../registry.js';
import { type GeneratorFlags, withGeneratorFlags } from './generate.js';
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
      .option('-s, --seed <n>', 'random seed for training', (v) => Number(v), 0)
      .action(async (input: string, opts: GeneratorFlags & { out: string }, cmd: Command) => {
        const env = envOf(cmd);
        const started = Date.now();
        const generator = await resolveGenerator(await env.registry(), opts.generator);
        const { synth, table } = await fitFromFile(env, input, {
          generator,
          options: generatorOptions(opts.option, { epochs: opts.epochs, backend: opts.backend, steps: opts.steps }),
          metadataPath: opts.metadata,
          seed: opts.seed,
        });
        await saveSynthesizerFile(synth, opts.out);
        const bytes = (await stat(opts.out)).size;
        const seconds = (Date.now() - started) / 1000;
        env.say(`synthkit: fitted ${generator.name} on ${table.nRows} rows of ${input} -> ${opts.out} (${bytes} bytes) in ${seconds.toFixed(2)} s`);
        await env.result({ model: opts.out, bytes, generator: synth.generatorInfo, rows: table.nRows, seconds });
      });
  },
};
