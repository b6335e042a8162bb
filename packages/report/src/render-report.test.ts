import { describe, expect, it } from 'vitest';
import { barChart, grid, heatmap, mosaicPlot, renderReport, scoreSummary, table, text } from './index.js';

describe('renderReport', () => {
  const html = renderReport({
    title: 'A <b>report</b>',
    sections: [
      {
        title: 'Scores',
        blocks: [
          scoreSummary([
            { label: 'Quality', value: 0.91 },
            { label: 'Key', value: null, hint: 'no id column' },
          ]),
        ],
      },
      {
        title: 'Charts',
        blocks: [
          grid(2, [
            barChart({ title: 'bars', labels: ['a'], series: [{ name: 's', values: [0.5] }] }),
            heatmap({
              title: 'h',
              labels: ['x', 'y'],
              values: [
                [1, null],
                [null, 1],
              ],
            }),
          ]),
          mosaicPlot({
            title: 'm',
            rowLabels: ['r1', 'r2'],
            colLabels: ['c1'],
            real: [[3], [1]],
            synthetic: [[2], [2]],
          }),
          table(['name', 'score'], [['</script><script>alert(1)</script>', 0.2]], { scoreColumns: [1] }),
          text('plain & simple'),
        ],
      },
    ],
  });

  it('escapes text and keeps chart JSON from closing its script element', () => {
    expect(html).toContain('A &lt;b&gt;report&lt;/b&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    expect(html).toContain('plain &amp; simple');
    const json = /<script type="application\/json" id="synthkit-charts">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toHaveLength(4); // bar, heatmap, two mosaic tiles
  });

  it('inlines the chart library and links sections', () => {
    expect(html).toMatch(/echarts/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).toContain('href="#charts"');
    expect(html).toContain('91.0%');
    expect(html).toContain('n/a');
  });

  it('needs no chart library when there are no charts', () => {
    const plain = renderReport({ title: 't', sections: [{ title: 's', blocks: [text('x')] }] });
    expect(plain.length).toBeLessThan(10_000);
  });
});
