import { loadChartScript } from './chart-script.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { COLORS, CSS, scoreColor } from './style.js';
import type { Cell, ChartOption, ReportBlock, ReportDocument, ScoreItem } from './types.js';

export interface RenderOptions {
  /** The echarts.min.js source; read from the installed package when omitted (Node). */
  readonly chartScript?: string;
}

function slug(s: string, used: Set<string>): string {
  const base =
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  return a >= 1000
    ? v.toLocaleString('en-US', { maximumFractionDigits: 1 })
    : a >= 1
      ? v.toFixed(3)
      : v.toPrecision(3);
}

function scoreHtml(item: ScoreItem): string {
  const isScore = (item.format ?? 'score') === 'score';
  const text =
    item.value === null || Number.isNaN(item.value)
      ? 'n/a'
      : isScore
        ? `${(item.value * 100).toFixed(1)}%`
        : formatNumber(item.value);
  const color =
    isScore && item.value !== null && !Number.isNaN(item.value) ? scoreColor(item.value) : COLORS.muted;
  return `<div class="score"><div class="label">${escapeHtml(item.label)}</div><div class="value" style="color:${color}">${text}</div>${
    item.hint ? `<div class="hint">${escapeHtml(item.hint)}</div>` : ''
  }</div>`;
}

function cellHtml(c: Cell, score: boolean): string {
  if (c === null || (typeof c === 'number' && Number.isNaN(c))) return '<td class="num">n/a</td>';
  if (typeof c === 'number')
    return `<td class="num"${score ? ` style="color:${scoreColor(c)}"` : ''}>${score ? c.toFixed(3) : formatNumber(c)}</td>`;
  return `<td>${escapeHtml(c)}</td>`;
}

export function renderReport(doc: ReportDocument, options: RenderOptions = {}): string {
  const charts: { option: ChartOption }[] = [];
  const used = new Set<string>();
  const block = (b: ReportBlock): string => {
    switch (b.kind) {
      case 'scores':
        return `<div class="scores">${b.items.map(scoreHtml).join('')}</div>`;
      case 'text':
        return `<p class="text">${escapeHtml(b.text)}</p>`;
      case 'table': {
        const scoreCols = new Set(b.scoreColumns ?? []);
        const head = b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
        const body = b.rows
          .map((r) => `<tr>${r.map((c, j) => cellHtml(c, scoreCols.has(j))).join('')}</tr>`)
          .join('');
        return `<table>${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
      }
      case 'chart': {
        charts.push({ option: b.option });
        return `<div class="chart" data-chart="${charts.length - 1}" style="height:${b.height ?? 280}px"></div>`;
      }
      case 'grid':
        return `<div class="grid" style="grid-template-columns:repeat(${b.columns},minmax(0,1fr))">${b.blocks.map(block).join('')}</div>`;
    }
  };
  const sections = doc.sections.map((s) => {
    const id = s.id ?? slug(s.title, used);
    return {
      id,
      title: s.title,
      html: `<section id="${escapeHtml(id)}"><h2>${escapeHtml(s.title)}</h2>${s.intro ? `<p class="intro">${escapeHtml(s.intro)}</p>` : ''}${s.blocks
        .map(block)
        .join('')}</section>`,
    };
  });
  const script = charts.length > 0 ? (options.chartScript ?? loadChartScript()) : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title><style>${CSS}</style></head>
<body><header><h1>${escapeHtml(doc.title)}</h1>${doc.subtitle ? `<p>${escapeHtml(doc.subtitle)}</p>` : ''}
<nav>${sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('')}</nav></header>
<main>${sections.map((s) => s.html).join('\n')}</main>
${doc.footer ? `<footer>${escapeHtml(doc.footer)}</footer>` : ''}
${
  charts.length > 0
    ? `<script type="application/json" id="synthkit-charts">${jsonForScript(charts.map((c) => c.option))}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
<script>(function () {
  var options = JSON.parse(document.getElementById('synthkit-charts').textContent);
  var charts = [];
  document.querySelectorAll('div[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(options[Number(el.getAttribute('data-chart'))]);
    el.setAttribute('data-rendered', '1');
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();</script>`
    : ''
}
</body></html>
`;
}
