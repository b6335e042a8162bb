import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

// `synthkit evaluate` as shipped (dist), on the SDMetrics fixture files.
describe('synthkit evaluate', () => {
  const dir = tempDir();
  const scores = JSON.parse(readFileSync(DATA('fixtures/sdmetrics/adult-copula.scores.json'), 'utf8'));
  const meta = join(dir, 'metadata.json');
  writeFileSync(meta, JSON.stringify(scores.metadata));
  const real = DATA('fixtures/sdmetrics/adult-copula.real.csv');
  const synthetic = DATA('fixtures/sdmetrics/adult-copula.synthetic.csv');

  it('writes the SDMetrics scores as JSON and a self-contained HTML report', () => {
    const json = join(dir, 'scores.json');
    const html = join(dir, 'report.html');
    const r = synthkit([
      'evaluate',
      real,
      synthetic,
      '--metadata',
      meta,
      '--metrics',
      'quality,diagnostic',
      '--report',
      html,
      '--json',
      json,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/quality 87\.0%/);
    const out = JSON.parse(readFileSync(json, 'utf8'));
    expect(Math.abs(out.quality.overall - scores.quality)).toBeLessThan(0.001);
    expect(out.diagnostic.map((m: { name: string }) => m.name)).toContain('BoundaryAdherence');
    expect(out.detection).toEqual([]);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script[^>]+src=/);
  });

  it('names the column when the synthetic table lacks one', () => {
    const cut = join(dir, 'cut.csv');
    const lines = readFileSync(synthetic, 'utf8').trimEnd().split('\n');
    writeFileSync(cut, `${lines.map((l) => l.split(',').slice(0, -1).join(',')).join('\n')}\n`);
    const r = synthkit(['evaluate', real, cut, '--metadata', meta, '--metrics', 'quality']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[MISSING_COLUMN\].*income/);
  });

  it('rejects an unknown metric name with the list of known ones', () => {
    const r = synthkit(['evaluate', real, synthetic, '--metadata', meta, '--metrics', 'KSComplemnt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[BAD_OPTION\] Unknown metric "KSComplemnt".*KSComplement/);
  });
});
