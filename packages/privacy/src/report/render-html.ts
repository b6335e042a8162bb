import type { AttackResult, JsonValue } from '@synthkit/core';
import {
  barChart,
  type RenderOptions,
  type ReportSection,
  renderReport,
  scoreSummary,
  table,
  text,
} from '@synthkit/report';
import type { PrivacyReport } from './types.js';

/**
 * The privacy report in the shared report layout (@synthkit/report): `privacySection` is the
 * section the evaluation report can embed, `renderPrivacyHtml` a complete self-contained page.
 */
export function renderPrivacyHtml(
  report: PrivacyReport,
  options: RenderOptions & { title?: string } = {},
): string {
  return renderReport(
    {
      title: options.title ?? 'synthkit privacy audit',
      subtitle: `train ${report.rows.train} rows · control ${report.rows.control} rows · synthetic ${report.rows.synthetic} rows`,
      sections: [privacySection(report)],
      footer: `@synthkit/privacy · seed ${report.seed} · ${report.columns.length} columns${report.secrets.length ? ` · secrets: ${report.secrets.join(', ')}` : ''}`,
    },
    options,
  );
}

export function privacySection(report: PrivacyReport): ReportSection {
  const dcr = report.attacks.find((a) => a.name === 'dcr');
  const mia = report.attacks.find((a) => a.name === 'membership-distance');
  const num = (a: AttackResult | undefined, key: string): number | null => {
    const v = a?.details && (a.details as Record<string, JsonValue>)[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const blocks: ReportSection['blocks'][number][] = [text(report.summary)];
  if (report.warnings.length > 0) blocks.push(text(`Warnings: ${report.warnings.join(' ')}`));
  if (dcr || mia)
    blocks.push(
      scoreSummary([
        ...(dcr
          ? [
              {
                label: 'DCROverfittingProtection (size-adjusted)',
                value: num(dcr, 'dcrOverfittingProtectionSizeAdjusted'),
                hint: `1 = synthetic rows are no closer to train than to control; SDMetrics' unadjusted score: ${fmt(num(dcr, 'dcrOverfittingProtection'))}`,
              },
              {
                label: 'DCRBaselineProtection (SDMetrics)',
                value: num(dcr, 'dcrBaselineProtection'),
                hint: 'median DCR of synthetic rows over that of uniform random rows',
              },
              {
                label: 'Share closer to train',
                value: num(dcr, 'shareCloserToTrain'),
                format: 'number' as const,
                hint: `about ${fmt(num(dcr, 'shareExpectedWithoutLeak'))} without leakage`,
              },
            ]
          : []),
        ...(mia
          ? [
              {
                label: 'Membership inference AUC',
                value: num(mia, 'auc'),
                format: 'number' as const,
                hint: '0.5 = attacker is guessing',
              },
            ]
          : []),
      ]),
    );
  blocks.push(
    table(
      ['Attack', 'Risk', '95% low', '95% high', 'Verdict'],
      report.attacks.map((a) => [
        a.name,
        finite(a.risk),
        finite(a.ci[0]),
        finite(a.ci[1]),
        [a.verdict, ...a.warnings.map((w) => `⚠ ${w}`)].join(' '),
      ]),
      {
        caption:
          'Risk: how much better an attack does on the rows the generator was trained on than on real rows it never saw (0 = no better, 1 = always). A risk whose interval includes 0 is not measurable with this many rows and attacks.',
      },
    ),
    barChart({
      title: 'Risk and upper end of its 95% interval',
      labels: report.attacks.map((a) => a.name),
      series: [
        { name: 'risk', values: report.attacks.map((a) => finite(a.risk)) },
        { name: '95% upper', values: report.attacks.map((a) => finite(a.ci[1])) },
      ],
    }),
  );
  for (const a of report.attacks)
    if (a.details)
      blocks.push(
        table(
          [`${a.name}: detail`, 'value'],
          Object.entries(a.details as Record<string, JsonValue>).map(([k, v]) => [
            k,
            typeof v === 'number' ? finite(v) : show(v),
          ]),
        ),
      );
  return {
    id: 'privacy',
    title: 'Privacy',
    intro:
      'Attacks on the synthetic rows, each run against the training rows and against control rows the generator never saw; risk = (attack − control)/(1 − control) with a 95% interval.',
    blocks,
  };
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function fmt(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(2);
}

function show(v: JsonValue): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'n/a';
  if (Array.isArray(v) && v.every((x) => typeof x === 'number'))
    return `[${v.map((x) => (x as number).toPrecision(4)).join(', ')}]`;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
