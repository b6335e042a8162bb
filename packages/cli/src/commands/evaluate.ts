import { performance } from 'node:perf_hooks';
import { ensureParentDir, readTableFile, writeFileAtomic } from '@synthkit/core/node';
import { builtinMetrics, evaluate, renderEvaluationHtml } from '@synthkit/evaluate';
import type { Command } from 'commander';
import { seedArg, withReadFlags } from '../options.js';
import { preparePaths } from '../paths.js';
import { jsonOutput, onInterrupt, type ReadFlags, readInput, readOptions } from '../pipeline.js';
import type { CliCommand } from './types.js';

interface EvaluateFlags extends ReadFlags {
  metadata?: string;
  target?: string;
  report?: string;
  metrics?: string;
  seed: number;
}

/** Aborts the evaluation between metrics on Ctrl-C. */
function abortOnInterrupt(): AbortSignal {
  const c = new AbortController();
  onInterrupt(() => c.abort());
  return c.signal;
}

const pct = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? 'n/a' : `${(v * 100).toFixed(1)}%`;

export const evaluateCommand: CliCommand = {
  register(program, envOf) {
    withReadFlags(program.command('evaluate'))
      .description(
        'score a synthetic table against the real one: SDMetrics quality, diagnostics, detection, utility',
      )
      .argument('<real>', 'the real table (CSV, TSV, JSON or JSON lines)')
      .argument('<synthetic>', 'the synthetic table, same columns')
      .option('--metadata <file>', 'metadata JSON (ours or SDV’s); detected from the real table when omitted')
      .option('--target <column>', 'column to predict for the utility metrics (TSTR vs TRTR)')
      .option('--report <file>', 'write a self-contained HTML report')
      .option(
        '--metrics <list>',
        'comma-separated metric names or families (quality, diagnostic, fidelity, detection, utility)',
      )
      .option('--seed <n>', 'seed for CV folds and subsamples', seedArg, 0)
      .action(async (realPath: string, syntheticPath: string, opts: EvaluateFlags, cmd: Command) => {
        const env = envOf(cmd);
        const started = performance.now();
        await preparePaths(
          [
            { flag: '', path: realPath },
            { flag: '', path: syntheticPath },
            { flag: '--metadata', path: opts.metadata },
          ],
          [{ flag: '--report', path: opts.report }, jsonOutput(env)],
        );
        const { table: real, metadata, warnings } = await readInput(realPath, opts.metadata, opts);
        for (const w of warnings) env.say(`warning: ${w} (${realPath})`);
        const synthetic = await readTableFile(syntheticPath, readOptions(opts));
        for (const w of synthetic.warnings) env.say(`warning: ${w} (${syntheticPath})`);
        const builtin = new Set(builtinMetrics.map((m) => m.name));
        const plugins = (await env.registry()).list('metric').filter((m) => !builtin.has(m.name));
        const progress = env.progress();
        let report: Awaited<ReturnType<typeof evaluate>>;
        try {
          report = await evaluate({
            real,
            synthetic: synthetic.table,
            metadata,
            seed: opts.seed,
            plugins,
            signal: abortOnInterrupt(),
            progress,
            ...(opts.target !== undefined ? { target: opts.target } : {}),
            ...(opts.metrics
              ? {
                  metrics: opts.metrics
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean),
                }
              : {}),
          });
        } finally {
          progress.done();
        }
        if (report.quality) {
          const q = report.quality;
          env.say(
            `quality ${pct(q.overall)}  (column shapes ${pct(q.properties.columnShapes)}, column pair trends ${pct(q.properties.columnPairTrends)})`,
          );
        }
        for (const r of [...report.diagnostic, ...report.fidelity, ...report.detection, ...report.utility])
          env.say(
            `${r.name.padEnd(24)} ${pct(r.score)}${Number.isNaN(r.score) && r.reason ? `  (${r.reason})` : ''}`,
          );
        for (const w of report.warnings) env.say(`warning: ${w}`);
        if (opts.report) {
          await ensureParentDir(opts.report);
          await writeFileAtomic(
            opts.report,
            renderEvaluationHtml(report, { real, synthetic: synthetic.table, metadata }),
          );
          env.say(`report -> ${opts.report}`);
        }
        env.say(
          `synthkit: evaluated ${syntheticPath} against ${realPath} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
        );
        await env.result(report);
      });
  },
};
