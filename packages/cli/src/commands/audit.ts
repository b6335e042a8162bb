import { ensureParentDir, writeFileAtomic } from '@synthkit/core/node';
import { ATTACK_NAMES, type AttackName, renderPrivacyHtml } from '@synthkit/privacy';
import { audit, parallelSearch } from '@synthkit/privacy/node';
import type { Command } from 'commander';
import { collect, positiveInt, seedArg, withReadFlags } from '../options.js';
import { preparePaths } from '../paths.js';
import { jsonOutput, type ReadFlags, readInput } from '../pipeline.js';
import type { CliCommand } from './types.js';

interface AuditFlags extends ReadFlags {
  train: string;
  control: string;
  synthetic: string;
  metadata?: string;
  secret?: string[];
  attack?: string[];
  attacks: number;
  columns: number;
  seed: number;
  threads?: number;
  report?: string;
}

export const auditCommand: CliCommand = {
  register(program, envOf) {
    withReadFlags(program.command('audit'))
      .description(
        'measure how much a synthetic table leaks its training rows: privacy attacks with baselines and 95% intervals',
      )
      .requiredOption('--train <file>', 'the real rows the generator was trained on')
      .requiredOption(
        '--control <file>',
        'real rows from the same population the generator never saw (see `synthkit split`)',
      )
      .requiredOption('--synthetic <file>', 'the synthetic rows to audit')
      .option('-m, --metadata <file>', 'metadata JSON (default: detected from the train file)')
      .option('--secret <column>', 'a sensitive column for attribute inference (repeatable)', collect)
      .option('--attack <name>', `run only this attack (repeatable): ${ATTACK_NAMES.join(', ')}`, collect)
      .option('--attacks <n>', 'attacks per Anonymeter test', positiveInt('attacks'), 500)
      .option('--columns <n>', 'columns per multivariate singling-out predicate', positiveInt('columns'), 3)
      .option('-s, --seed <n>', 'random seed', seedArg, 0)
      .option(
        '--threads <n>',
        'worker threads for nearest-neighbour search (default: all cores)',
        positiveInt('threads'),
      )
      .option('-r, --report <file>', 'write the HTML report here')
      .action(async (opts: AuditFlags, cmd: Command) => {
        const env = envOf(cmd);
        const started = Date.now();
        await preparePaths(
          [
            { flag: '--train', path: opts.train },
            { flag: '--control', path: opts.control },
            { flag: '--synthetic', path: opts.synthetic },
            { flag: '--metadata', path: opts.metadata },
          ],
          [{ flag: '--report', path: opts.report }, jsonOutput(env)],
        );
        const train = await readInput(opts.train, opts.metadata, opts);
        const control = await readInput(opts.control, opts.metadata, opts);
        const synthetic = await readInput(opts.synthetic, opts.metadata, opts);
        for (const w of [...train.warnings, ...control.warnings, ...synthetic.warnings])
          env.say(`warning: ${w}`);
        const progress = env.progress();
        let report: Awaited<ReturnType<typeof audit>>;
        try {
          report = await audit({
            train: train.table,
            control: control.table,
            synthetic: synthetic.table,
            metadata: train.metadata,
            secrets: opts.secret,
            attacks: opts.attack as AttackName[] | undefined,
            attacksPerTest: opts.attacks,
            columns: opts.columns,
            seed: opts.seed,
            search: parallelSearch(opts.threads ? { threads: opts.threads } : {}),
            progress,
          });
        } finally {
          progress.done();
        }
        const width = Math.max(...report.attacks.map((a) => a.name.length));
        const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
        for (const a of report.attacks) {
          env.say(`${a.name.padEnd(width)}  risk ${pct(a.risk)}  95% CI ${pct(a.ci[0])} – ${pct(a.ci[1])}`);
          env.say(`${' '.repeat(width)}  ${a.verdict}`);
          for (const w of a.warnings) env.say(`${' '.repeat(width)}  warning: ${w}`);
        }
        for (const w of report.warnings) env.say(`warning: ${w}`);
        env.say(report.summary);
        if (opts.report) {
          await ensureParentDir(opts.report);
          await writeFileAtomic(opts.report, renderPrivacyHtml(report));
          env.say(`synthkit: privacy report -> ${opts.report}`);
        }
        env.say(`synthkit: audit took ${((Date.now() - started) / 1000).toFixed(1)} s`);
        await env.result(report);
      });
  },
};
