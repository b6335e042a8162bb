import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

const column = (csv: string, k: number) =>
  csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[k]!);

const counts = (values: string[]) => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

describe('reading flags', () => {
  it('--delimiter and --non-finite reach the reader of every command', () => {
    const dir = tempDir();
    const semi = join(dir, 'semi.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'inf' : i};${'xyz'[i % 3]}`).join('\n');
    writeFileSync(semi, `a;b\n${rows}\n`);

    const wrong = synthkit(['detect', semi, '--delimiter', 'comma', '--out', join(dir, 'm.json')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^synthkit: \[BAD_DELIMITER\] .*Pass --delimiter ";"/);

    const strict = synthkit(['detect', semi, '--out', join(dir, 'm.json')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/\[BAD_VALUE\].*pass --non-finite missing/);

    const lenient = synthkit([
      'generate',
      semi,
      '--delimiter',
      ';',
      '--non-finite',
      'missing',
      '-n',
      '40',
      '--out',
      join(dir, 'o.csv'),
    ]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/warning: Column "a": 30 infinite value\(s\) read as missing/);
    expect(readFileSync(join(dir, 'o.csv'), 'utf8').split('\n')[0]).toBe('a,b');
    // With --out -, the warning goes to stderr and stdout holds only the CSV.
    const piped = synthkit(['generate', semi, '--non-finite', 'missing', '-n', '5', '--out', '-']);
    expect(piped.stdout.split('\n')[0]).toBe('a,b');
    expect(piped.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(piped.stderr).toMatch(/^warning: Column "a"/);

    const evaluate = (...flags: string[]) =>
      synthkit(['evaluate', semi, join(dir, 'o.csv'), '--metrics', 'quality', '-q', ...flags]);
    expect(evaluate().stderr).toMatch(/\[BAD_VALUE\]/);
    expect(evaluate('--non-finite', 'missing').code).toBe(0);
    const bad = synthkit(['fit', semi, '--non-finite', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^synthkit: \[USAGE\] .*--non-finite/);
  });
});

describe('--balance with some values named', () => {
  it('gives unnamed values the rest in their natural proportions, in generate and sample', () => {
    const dir = tempDir();
    const r = synthkit([
      'generate',
      DATA('adult.csv'),
      '-n',
      '4000',
      '--balance',
      'race:White=0.5',
      '--out',
      join(dir, 'b.csv'),
      '-q',
    ]);
    expect(r.code).toBe(0);
    const race = counts(column(readFileSync(join(dir, 'b.csv'), 'utf8'), 8));
    expect(race.get(' White')).toBe(2000);
    // Adult: Black 3124 rows, Asian-Pac-Islander 1039 of the non-White ones (4745): ~ 0.658 and 0.219.
    expect(race.get(' Black')! / 2000).toBeCloseTo(3124 / 4745, 1);
    expect(race.get(' Asian-Pac-Islander')! / 2000).toBeCloseTo(1039 / 4745, 1);
    expect(race.size).toBe(5);

    const model = join(dir, 'm.synthkit');
    expect(synthkit(['fit', DATA('adult.csv'), '--out', model, '-q']).code).toBe(0);
    const s = synthkit([
      'sample',
      model,
      '-n',
      '2000',
      '--balance',
      'income:>50K=0.5',
      '--out',
      join(dir, 's.csv'),
      '-q',
    ]);
    expect(s.code).toBe(0);
    const income = counts(column(readFileSync(join(dir, 's.csv'), 'utf8'), 14));
    expect([...income.values()]).toEqual([1000, 1000]);

    const over = synthkit([
      'generate',
      DATA('adult.csv'),
      '-n',
      '10',
      '--balance',
      'income:>50K=2',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(
      /\[BAD_OPTION\] Balance shares for "income" add up to 2, leaving nothing for the values not named/,
    );
  });
});

describe('free text', () => {
  it('is regenerated, never copied from the input', () => {
    const dir = tempDir();
    const moods = ['quiet', 'noisy', 'clean', 'dusty', 'bright'];
    const rows = Array.from(
      { length: 400 },
      (_, i) => `${i % 4},"Stayed ${1 + (i % 6)} nights, the room was ${moods[i % 5]}, booking ${i}"`,
    );
    const input = join(dir, 'reviews.csv');
    writeFileSync(input, `stars,review\n${rows.join('\n')}\n`);
    const r = synthkit(['generate', input, '--out', join(dir, 'o.csv'), '-q']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'o.metadata.json'), 'utf8')).columns.review).toEqual({
      sdtype: 'pii',
      kind: 'text',
    });
    const real = new Set(rows.map((l) => l.slice(l.indexOf(',') + 2, -1)));
    const out = readFileSync(join(dir, 'o.csv'), 'utf8');
    expect(out.trimEnd().split('\n')).toHaveLength(401);
    for (const v of real) expect(out.includes(v)).toBe(false);
  });
});
