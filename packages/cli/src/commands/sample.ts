import { loadSynthesizerFile } from '@synthkit/core/node';
import type { Command } from 'commander';
import { UsageError } from '../failure.js';
import { sampleOnnxFile } from '../onnx-sample.js';
import { collect, positiveInt } from '../options.js';
import { preparePaths } from '../paths.js';
import { checkTableOutFormat, jsonOutput, type SampleFlags, sampleToFile, sideFiles } from '../pipeline.js';
import { resolveGenerator } from '../registry.js';
import { Stopwatch } from '../stopwatch.js';
import { count } from '../summary.js';
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
        '-O, --option <key=value>',
        'an ONNX model sampling option (repeatable): device, threads, sessions, precision, eta, batchSize, label',
        collect,
      )
      .option(
        '--steps <n>',
        'sampling steps of an ONNX diffusion model (fewer = faster); a saved ddpm model keeps the steps it was fitted with',
        positiveInt('steps', 1),
      )
      .action(
        async (
          model: string,
          opts: SampleFlags & { encoder?: string; steps?: number; option?: string[] },
          cmd: Command,
        ) => {
          const env = envOf(cmd);
          const onnx = model.toLowerCase().endsWith('.onnx');
          if (!onnx && opts.encoder !== undefined)
            throw new UsageError(
              `--encoder is for .onnx models; ${model} is a saved synthkit model`,
              'Drop --encoder: a model from `synthkit fit` carries its own encoding',
            );
          if (!onnx && (opts.option?.length ?? 0) > 0)
            throw new UsageError(
              `-O applies to .onnx models only; the options of ${model} were fixed when it was fitted`,
              'Fit again with the options you want: synthkit fit data.csv -g NAME -O key=value --out model.synthkit',
            );
          // No public API takes sampling steps at sample time: a fitted ddpm keeps its own.
          if (!onnx && opts.steps !== undefined)
            throw new UsageError(
              `--steps applies to .onnx models only; the sampling steps of ${model} were fixed when it was fitted`,
              'Fit with the steps you want: synthkit fit data.csv --generator ddpm --steps N --out model.synthkit',
            );
          await checkTableOutFormat('--out', opts.out);
          const side = await sideFiles(opts.out, undefined, false);
          await preparePaths(
            [
              { flag: '', path: model },
              { flag: '--encoder', path: opts.encoder },
            ],
            [{ flag: '--out', path: opts.out }, { flag: 'manifest', path: side.manifest }, jsonOutput(env)],
          );
          if (onnx) return sampleOnnxFile(env, model, opts);
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
            model,
            writeMetadata: false,
          });
          env.say(
            `synthkit: ${count(rows, 'row')} from ${model} -> ${written.out === '-' ? 'stdout' : written.out}`,
          );
          await env.result({ ...written.manifest, files: written.files });
        },
      );
  },
};
