/**
 * Renders @synthkit/report sections (plain data built in the worker by evaluate and privacy) as
 * DOM: the same blocks, scores and charts as the downloadable HTML report.
 */
import {
  type Cell,
  type ReportBlock,
  type ReportSection,
  type ScoreItem,
  scoreColor,
} from '@synthkit/report';
import { queueChart } from './charts.js';
import { h } from './dom.js';

const formatNumber = (v: number): string =>
  Number.isInteger(v)
    ? v.toLocaleString('en-US')
    : v.toLocaleString('en-US', { maximumSignificantDigits: 4 });

function score(item: ScoreItem): HTMLElement {
  const isScore = (item.format ?? 'score') === 'score';
  const missing = item.value === null || Number.isNaN(item.value);
  const value = missing ? 'n/a' : isScore ? `${(item.value! * 100).toFixed(1)}%` : formatNumber(item.value!);
  const style = !missing && isScore ? `color:${scoreColor(item.value!)}` : undefined;
  return h(
    'div',
    { class: 'score' },
    h('div', { class: 'label' }, item.label),
    h('div', { class: 'value', style }, value),
    item.hint ? h('div', { class: 'hint' }, item.hint) : null,
  );
}

function cell(c: Cell, isScore: boolean): HTMLElement {
  if (c === null || (typeof c === 'number' && Number.isNaN(c))) return h('td', { class: 'num' }, 'n/a');
  if (typeof c === 'number')
    return h(
      'td',
      { class: 'num', style: isScore ? `color:${scoreColor(c)}` : undefined },
      isScore ? c.toFixed(3) : formatNumber(c),
    );
  return h('td', {}, c);
}

function block(b: ReportBlock): HTMLElement {
  switch (b.kind) {
    case 'scores':
      return h('div', { class: 'scores' }, ...b.items.map(score));
    case 'text':
      return h('p', { class: 'text' }, b.text);
    case 'table': {
      const scoreCols = new Set(b.scoreColumns ?? []);
      return h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          {},
          b.caption ? h('caption', {}, b.caption) : null,
          h('thead', {}, h('tr', {}, ...b.columns.map((c) => h('th', {}, c)))),
          h('tbody', {}, ...b.rows.map((r) => h('tr', {}, ...r.map((c, j) => cell(c, scoreCols.has(j)))))),
        ),
      );
    }
    case 'chart': {
      const el = h('div', { class: 'chart', style: `height:${b.height ?? 280}px` });
      queueChart(el, b.option);
      return el;
    }
    case 'grid':
      return h(
        'div',
        { class: 'grid', style: `grid-template-columns:repeat(${b.columns},minmax(0,1fr))` },
        ...b.blocks.map(block),
      );
  }
}

export function renderSections(sections: readonly ReportSection[]): HTMLElement[] {
  return sections.map((s) =>
    h(
      'section',
      { class: 'report-section', 'data-section': s.id ?? s.title },
      h('h3', {}, s.title),
      s.intro ? h('p', { class: 'intro' }, s.intro) : null,
      ...s.blocks.map(block),
    ),
  );
}
