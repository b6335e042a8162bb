import { SynthkitError } from '@synthkit/core';
import { loadSynthesizerFile, writeFileAtomic } from '@synthkit/core/node';
import type { Command } from 'commander';
import { UsageError } from '../failure.js';
import { preparePaths } from '../paths.js';
import { resolveGenerator } from '../registry.js';
import type { CliCommand } from './types.js';

/** A fitted model that can hand out a standard ONNX model and its JSON sidecar (the ddpm one). */
interface OnnxExportable {
  exportOnnx(): { model: Uint8Array; sidecar: unknown };
}

function canExport(model: unknown): model is OnnxExportable {
  return typeof (model as Partial<OnnxExportable> | undefined)?.exportOnnx === 'function';
}

export const exportCommand: CliCommand = {
  register(program, envOf) {
    program
      .command('export')
      .description(
        'write a fitted diffusion model as a standard ONNX denoiser plus its JSON encoder sidecar (for `synthkit sample model.onnx --encoder …` or any ONNX runtime)',
      )
      .argument('<model>', 'a ddpm model from `synthkit fit`')
      .requiredOption('--onnx <file>', 'where to write the ONNX denoiser (.onnx)')
      .requiredOption('--encoder <file>', 'where to write the encoder sidecar (.json)')
      .action(async (model: string, opts: { onnx: string; encoder: string }, cmd: Command) => {
        const env = envOf(cmd);
        if (!opts.onnx.toLowerCase().endsWith('.onnx'))
          throw new UsageError(
            `--onnx must name a .onnx file, got ${opts.onnx}`,
            'For example --onnx model.onnx',
          );
        await preparePaths(
          [{ flag: '', path: model }],
          [
            { flag: '--onnx', path: opts.onnx },
            { flag: '--encoder', path: opts.encoder },
          ],
        );
        const registry = await env.registry();
        const synth = await loadSynthesizerFile(model, {
          registry,
          findGenerator: (name) => resolveGenerator(registry, name),
        });
        const fitted = synth.fittedModel;
        if (!canExport(fitted))
          throw new SynthkitError(
            'UNSUPPORTED',
            `${model} was fitted with the ${synth.generatorInfo.name} generator, which has no ONNX export`,
            {
              hint: 'Only ddpm models export to ONNX: synthkit fit data.csv --generator ddpm --out model.synthkit',
            },
          );
        const { model: onnx, sidecar } = fitted.exportOnnx();
        await writeFileAtomic(opts.onnx, onnx);
        await writeFileAtomic(opts.encoder, `${JSON.stringify(sidecar, null, 2)}\n`);
        env.say(
          `synthkit: ${model} -> ${opts.onnx} (${onnx.byteLength.toLocaleString('en-US')} bytes) and ${opts.encoder}`,
        );
        await env.result({ model, onnx: opts.onnx, encoder: opts.encoder, bytes: onnx.byteLength });
      });
  },
};
