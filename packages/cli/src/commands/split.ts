import { ensureParentDir, writeCsvFile } from '@synthkit/core/node';
import { splitTable } from '@synthkit/privacy';
import type { Command } from 'commander';
import { fraction, seedArg, withReadFlags } from '../options.js';
import { preparePaths } from '../paths.js';
import { checkTableOutFormat, dialectFor, jsonOutput, type ReadFlags, readInput } from '../pipeline.js';
import { count } from '../summary.js';
import type { CliCommand } from './types.js';

interface SplitFlags extends ReadFlags {
  holdout: number;
  seed: number;
  outTrain: string;
  outControl: string;
  metadata?: string;
}

export const splitCommand: CliCommand = {
  register(program, envOf) {
    withReadFlags(program.command('split'))
      .description(
        'split a real table at random into rows to train on and control rows held back for `synthkit audit`',
      )
      .argument('<input>', 'a CSV, TSV, JSON or JSON-lines file')
      .option('--holdout <share>', 'share of rows held out as control', fraction('holdout'), 0.2)
      .option('-s, --seed <n>', 'random seed', seedArg, 0)
      .option('--out-train <file>', 'CSV of the training rows', 'train.csv')
      .option('--out-control <file>', 'CSV of the control rows', 'control.csv')
      .option('-m, --metadata <file>', 'metadata JSON (default: detected)')
      .action(async (input: string, opts: SplitFlags, cmd: Command) => {
        const env = envOf(cmd);
        await checkTableOutFormat('--out-train', opts.outTrain);
        await checkTableOutFormat('--out-control', opts.outControl);
        await preparePaths(
          [
            { flag: '', path: input },
            { flag: '--metadata', path: opts.metadata },
          ],
          [
            { flag: '--out-train', path: opts.outTrain },
            { flag: '--out-control', path: opts.outControl },
            jsonOutput(env),
          ],
        );
        const { table, metadata, warnings } = await readInput(input, opts.metadata, opts);
        for (const w of warnings) env.say(`warning: ${w}`);
        const { train, control } = splitTable(table, { holdout: opts.holdout, seed: opts.seed });
        await ensureParentDir(opts.outTrain);
        await ensureParentDir(opts.outControl);
        await writeCsvFile(opts.outTrain, train, metadata, { dialect: dialectFor(opts.outTrain) });
        await writeCsvFile(opts.outControl, control, metadata, { dialect: dialectFor(opts.outControl) });
        env.say(
          `synthkit: ${count(table.nRows, 'row')} of ${input} -> ${train.nRows} train (${opts.outTrain}), ${control.nRows} control (${opts.outControl}), seed ${opts.seed}`,
        );
        await env.result({
          train: { file: opts.outTrain, rows: train.nRows },
          control: { file: opts.outControl, rows: control.nRows },
          seed: opts.seed,
          holdout: opts.holdout,
        });
      });
  },
};
