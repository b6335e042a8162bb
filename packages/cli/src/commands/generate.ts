import type { Command } from 'commander';
import { collect, positiveInt, seedArg, withReadFlags } from '../options.js';
import { preparePaths } from '../paths.js';
import {
  checkTableOutFormat,
  fitFromFile,
  type GeneratorFlags,
  isStdout,
  jsonOutput,
  type SampleFlags,
  sampleToFile,
  sideFiles,
} from '../pipeline.js';
import { Stopwatch } from '../stopwatch.js';
import { count, printSummary } from '../summary.js';
import type { CliCommand } from './types.js';

export const generateCommand: CliCommand = {
  register(program, envOf) {
    withGeneratorFlags(
      withSampleFlags(
        program
          .command('generate')
          .description('learn a table and write synthetic rows (fit + sample in one go)')
          .argument('<input>', 'a CSV, TSV, JSON or JSON-lines file'),
      ),
    )
      .option('--summary', 'compare the synthetic rows with the input, column by column')
      .option(
        '--metadata-out <file>',
        'where to write the metadata used (default: <out base>.metadata.json beside the output, when detected)',
      )
      .action(async (input: string, opts: GenerateFlags, cmd: Command) => {
        const env = envOf(cmd);
        const clock = new Stopwatch();
        await checkTableOutFormat('--out', opts.out);
        const side = await sideFiles(opts.out, opts.metadataOut, opts.metadata === undefined);
        await preparePaths(
          [
            { flag: '', path: input },
            { flag: '--metadata', path: opts.metadata },
          ],
          [
            { flag: '--out', path: opts.out },
            { flag: '--metadata-out', path: side.metadata },
            { flag: 'manifest', path: side.manifest },
            jsonOutput(env),
          ],
        );
        // Before reading: warnings about the input must not land in the CSV on stdout.
        if (isStdout(opts.out)) env.useStdoutForData();
        const { synth, table, generator } = await fitFromFile(env, input, opts, clock);
        const rows = opts.rows ?? table.nRows;
        const written = await sampleToFile(env, synth, {
          rows,
          flags: opts,
          clock,
          input,
          inputTable: table,
          writeMetadata: opts.metadata === undefined,
        });
        const seconds = clock.seconds();
        env.say(
          `synthkit: ${count(rows, 'row')} x ${count(synth.metadata ? Object.keys(synth.metadata.columns).length : table.nColumns, 'column')} from ${input} -> ${written.out === '-' ? 'stdout' : written.out} in ${seconds.toFixed(2)} s (generator ${generator.name}, seed ${opts.seed})`,
        );
        const summary = opts.summary
          ? await printSummary(env, table, written.sample, synth.metadata)
          : undefined;
        await env.result({ ...written.manifest, files: written.files, seconds, summary });
      });
  },
};

type GenerateFlags = GeneratorFlags & SampleFlags & { summary?: boolean };

export function withGeneratorFlags(cmd: Command): Command {
  return withReadFlags(cmd)
    .option('-g, --generator <name>', 'copula (default), ctgan, tvae, ddpm, or one loaded with --plugin')
    .option(
      '-O, --option <key=value>',
      'a generator option (repeatable); see `synthkit inspect --generator NAME`',
      collect,
    )
    .option('--epochs <n>', 'training epochs (neural generators)', positiveInt('epochs'))
    .option(
      '--backend <name>',
      'TensorFlow.js backend (neural generators): auto, tensorflow, tensorflow-gpu, wasm, cpu',
    )
    .option('--steps <n>', 'sampling steps (diffusion)', positiveInt('steps'))
    .option('-m, --metadata <file>', 'metadata JSON (from `synthkit detect`, edited); detected when absent');
}

export function withSampleFlags(cmd: Command): Command {
  return cmd
    .option(
      '-n, --rows <n>',
      'rows to generate (default: as many as the input, or the training rows of a model; 1000 for a bare ONNX model)',
      positiveInt('rows', 1),
    )
    .option(
      '-o, --out <file>',
      "output file (.csv, or .tsv for tab-separated); '-' writes CSV to stdout (no manifest)",
      'synthetic.csv',
    )
    .option('-s, --seed <n>', 'random seed: same seed, options and input give the same bytes', seedArg, 0)
    .option('-c, --condition <col=value>', 'fix a column: col=value or col=low..high (repeatable)', collect)
    .option(
      '--balance <column[:value=share,...]>',
      'equal shares of a categorical column, or given shares (fractions of the output): values not named share the rest in their natural proportions',
    );
}
