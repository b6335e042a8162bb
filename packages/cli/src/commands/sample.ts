import { loadSynthesizerFile } from '@synthkit/core/node';
import type { Command } from 'commander';
import { type SampleFlags, sampleToFile } from '../pipeline.js';
import { withSampleFlags } from './generate.js';
import type { CliCommand } from './types.js';

export const sampleCommand: CliCommand = {
  register(program, envOf) {
    withSampleFlags(
      program
        .command('sample')
        .description('draw rows from a fitted model')
        .argument('<model>', 'a model from `synthkit fit`'),
    ).action(async (model: string, opts: SampleFlags, cmd: Command) => {
      const env = envOf(cmd);
      const registry = await env.registry();
      const synth = await loadSynthesizerFile(model, { registry });
      const rows = opts.rows ?? 1000;
      const written = await sampleToFile(env, synth, {
        rows,
        flags: opts,
        input: model,
        writeMetadata: false,
      });
      env.say(`synthkit: ${rows} rows from ${model} -> ${written.out}`);
      await env.result({ ...written.manifest, files: written.files });
    });
  },
};
