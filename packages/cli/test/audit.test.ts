import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

// `synthkit split` and `synthkit audit` as shipped (dist), on the first 4,000 rows of Adult.
describe('synthkit split + audit', () => {
  const dir = tempDir();
  const lines = readFileSync(DATA('adult.csv'), 'utf8').trimEnd().split('\n');
  const data = join(dir, 'adult4k.csv');
  writeFileSync(data, `${lines.slice(0, 4001).join('\n')}\n`);
  const train = join(dir, 't.csv');
  const control = join(dir, 'c.csv');
  const fast = [
    '--attack',
    'dcr',
    '--attack',
    'membership-distance',
    '--attack',
    'singling-out-multivariate',
    '--attacks',
    '200',
  ];

  it('splits into disjoint train and control files with the header and the original formatting', () => {
    const r = synthkit([
      'split',
      data,
      '--holdout',
      '0.5',
      '--seed',
      '3',
      '--out-train',
      train,
      '--out-control',
      control,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/4000 rows .* 2000 train .* 2000 control/);
    const t = readFileSync(train, 'utf8').trimEnd().split('\n');
    const c = readFileSync(control, 'utf8').trimEnd().split('\n');
    expect(t[0]).toBe(lines[0]);
    expect(c[0]).toBe(lines[0]);
    expect(t.length - 1 + c.length - 1).toBe(4000);
    // every data line comes back verbatim (leading spaces of Adult's categories kept)
    const original = new Set(lines.slice(1, 4001));
    for (const l of [...t.slice(1), ...c.slice(1)]) expect(original.has(l)).toBe(true);
  });

  it('flags a "synthetic" file that is the training file and writes JSON and HTML reports', () => {
    const json = join(dir, 'leak.json');
    const html = join(dir, 'leak.html');
    const r = synthkit([
      'audit',
      '--train',
      train,
      '--control',
      control,
      '--synthetic',
      train,
      ...fast,
      '--secret',
      'income',
      '--report',
      html,
      '--json',
      json,
      '--threads',
      '1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dcr\s+risk 100\.0%/);
    expect(r.stdout).toMatch(/found measurable leakage/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const dcr = report.attacks.find((a: { name: string }) => a.name === 'dcr');
    expect(dcr.details.exactCopyRate).toBe(1);
    expect(
      report.attacks.find((a: { name: string }) => a.name === 'membership-distance').details.auc,
    ).toBeGreaterThan(0.95);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*singling-out-multivariate/i);
  });

  it('finds no measurable risk for an independent real sample (Adult rows 4001–6000) as "synthetic"', () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, `${[lines[0], ...lines.slice(4001, 6001)].join('\n')}\n`);
    const json = join(dir, 'clean.json');
    const r = synthkit([
      'audit',
      '--train',
      train,
      '--control',
      control,
      '--synthetic',
      other,
      ...fast,
      '--json',
      json,
      '--threads',
      '1',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    for (const a of report.attacks) expect(a.ci[0], a.name).toBe(0);
    expect(r.stdout).toMatch(/None of the 3 attacks found measurable leakage/);
  });

  it('explains bad input: a control file far smaller than train, an id as secret', () => {
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, `${[lines[0], ...lines.slice(1, 31)].join('\n')}\n`);
    const small = synthkit(['audit', '--train', train, '--control', tiny, '--synthetic', train, ...fast]);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/\[BAD_VALUE\] The control table has 30 rows for 2000 train rows/);
    const bad = synthkit([
      'audit',
      '--train',
      train,
      '--control',
      control,
      '--synthetic',
      train,
      ...fast,
      '--secret',
      'nope',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[UNKNOWN_COLUMN\] Secret column "nope"/);
  });
});
