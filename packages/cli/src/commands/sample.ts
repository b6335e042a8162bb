import { loadSynthesizerFile } from '@synthkit/core/node';
import type { Command } from 'commander';
import { sampleOnnxFile } from '../onnx-sample.js';
import { positiveInt } from '../options.js';
import { type SampleFlags, sampleToFile } from '../pipeline.js';
import { resolveGenerator } from '../registry.js';
import { Stopwatch } from '../stopwatch.js';
import { withSampleFlags } from './generate.js';
import type { CliCommand } from './types.js';

export const sampleCommand: CliCommand = {
  register(program, envOf) {
    withSampleFlags(
      program
        .command('sample')
        .description(
          'draw rows from a fitted model, or from an ONNX diffusion model with its encoder sidecar',
        )
        .argument('<model>', 'a model from `synthkit fit`, or a .onnx denoiser (with --encoder)'),
    )
      .option('--encoder <file>', 'encoder sidecar JSON of an ONNX diffusion model')
      .option(
        '--steps <n>',
        'sampling steps of an ONNX diffusion model (fewer = faster)',
        positiveInt('steps'),
      )
      .action(
        async (model: string, opts: SampleFlags & { encoder?: string; steps?: number }, cmd: Command) => {
          const env = envOf(cmd);
          if (model.toLowerCase().endsWith('.onnx')) return sampleOnnxFile(env, model, opts);
          const clock = new Stopwatch();
          const registry = await env.registry();
          const synth = await clock.time('load', () =>
            loadSynthesizerFile(model, {
              registry,
              findGenerator: (name) => resolveGenerator(registry, name),
            }),
          );
          // Default: as many rows as the model was trained on.
          const rows = opts.rows ?? synth.fitRecord?.rows ?? 1000;
          const written = await sampleToFile(env, synth, {
            rows,
            flags: opts,
            clock,
            input: model,
            writeMetadata: false,
          });
          env.say(`synthkit: ${rows} rows from ${model} -> ${written.out === '-' ? 'stdout' : written.out}`);
          await env.result({ ...written.manifest, files: written.files });
        },
      );
  },
};
