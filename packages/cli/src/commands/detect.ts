import { ensureParentDir, writeFileAtomic } from '@synthkit/core/node';
import type { Command } from 'commander';
import { withReadFlags } from '../options.js';
import { preparePaths } from '../paths.js';
import { isStdout, jsonOutput, type ReadFlags, readInput } from '../pipeline.js';
import { writeStdout } from '../stdout.js';
import { count } from '../summary.js';
import type { CliCommand } from './types.js';

export const detectCommand: CliCommand = {
  register(program, envOf) {
    withReadFlags(program.command('detect'))
      .description(
        'detect column types (numerical, categorical, datetime, id, pii...) and write editable metadata JSON',
      )
      .argument('<input>', 'a CSV, TSV, JSON or JSON-lines file')
      .option('-o, --out <file>', "metadata JSON to write ('-' for stdout)", 'metadata.json')
      .action(async (input: string, opts: ReadFlags & { out: string }, cmd: Command) => {
        const env = envOf(cmd);
        await preparePaths([{ flag: '', path: input }], [{ flag: '--out', path: opts.out }, jsonOutput(env)]);
        if (isStdout(opts.out)) env.useStdoutForData();
        const { table, metadata, warnings } = await readInput(input, undefined, opts);
        for (const w of warnings) env.say(`warning: ${w}`);
        const text = `${JSON.stringify(metadata, null, 2)}\n`;
        if (isStdout(opts.out)) await writeStdout(text);
        else {
          await ensureParentDir(opts.out);
          await writeFileAtomic(opts.out, text);
        }
        const width = Math.max(...table.names.map((n) => n.length), 6);
        for (const [name, c] of Object.entries(metadata.columns)) {
          const extra =
            c.sdtype === 'numerical'
              ? c.representation
              : c.sdtype === 'datetime'
                ? c.format
                : c.sdtype === 'pii'
                  ? c.kind
                  : '';
          env.say(`${name.padEnd(width)}  ${c.sdtype.padEnd(11)} ${extra}`);
        }
        env.say(
          `synthkit: ${count(table.nRows, 'row')} x ${count(table.nColumns, 'column')}; metadata -> ${isStdout(opts.out) ? 'stdout' : opts.out}`,
        );
        await env.result({ metadata, rows: table.nRows, file: opts.out });
      });
  },
};
