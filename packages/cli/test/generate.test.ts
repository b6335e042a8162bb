import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

describe('synthkit generate', () => {
  it('writes synthetic rows, metadata and a lineage manifest, byte-identical for the same seed', () => {
    const dir = tempDir();
    const a = synthkit([
      'generate',
      DATA('adult.csv'),
      '--rows',
      '2000',
      '--seed',
      '7',
      '--out',
      join(dir, 'a.csv'),
      '--quiet',
    ]);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    const b = synthkit([
      'generate',
      DATA('adult.csv'),
      '--rows',
      '2000',
      '--seed',
      '7',
      '--out',
      join(dir, 'b.csv'),
      '-q',
    ]);
    expect(b.code).toBe(0);
    const textA = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(textA);
    const lines = textA.trimEnd().split('\n');
    expect(lines).toHaveLength(2001);
    expect(lines[0]).toBe(readFileSync(DATA('adult.csv'), 'utf8').split('\n')[0]);
    // Adult's categories keep their leading space and integers stay integers.
    const first = lines[1]!.split(',');
    expect(first[1]).toMatch(/^ /);
    expect(first[0]).toMatch(/^\d+$/);

    const manifest = JSON.parse(readFileSync(join(dir, 'a.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 7, rows: 2000 });
    expect(JSON.stringify(manifest)).toContain('copula');
    const metadata = JSON.parse(readFileSync(join(dir, 'a.metadata.json'), 'utf8'));
    expect(metadata.columns.age.sdtype).toBe('numerical');
    expect(metadata.columns.workclass.sdtype).toBe('categorical');

    const c = synthkit([
      'generate',
      DATA('adult.csv'),
      '--rows',
      '2000',
      '--seed',
      '8',
      '--out',
      join(dir, 'c.csv'),
      '-q',
    ]);
    expect(c.code).toBe(0);
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).not.toBe(textA);
  });

  it('honours --condition and prints a machine-readable result with --json -', () => {
    const dir = tempDir();
    const r = synthkit([
      'generate',
      DATA('adult.csv'),
      '--rows',
      '500',
      '--seed',
      '1',
      '--out',
      join(dir, 'f.csv'),
      '--condition',
      'sex= Female',
      '--condition',
      'age=30..40',
      '--json',
      '-',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.rows).toBe(500);
    const rows = readFileSync(join(dir, 'f.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      expect(row[9]).toBe(' Female');
      expect(Number(row[0])).toBeGreaterThanOrEqual(30);
      expect(Number(row[0])).toBeLessThanOrEqual(40);
    }
  });

  it('fails with one clear line and leaves no output file on bad input', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = synthkit(['generate', empty, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^synthkit: \[EMPTY_INPUT\]/);
    expect(readdirSync(dir)).toEqual(['empty.csv']);

    const missing = synthkit(['generate', join(dir, 'nope.csv'), '--out', join(dir, 'out.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^synthkit: \[IO_ERROR\]/);

    const badCondition = synthkit([
      'generate',
      DATA('adult.csv'),
      '--rows',
      '10',
      '--out',
      join(dir, 'x.csv'),
      '--condition',
      'sex=Martian',
    ]);
    expect(badCondition.code).toBe(1);
    expect(badCondition.stderr).toMatch(/BAD_CONDITION/);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });

  it('warns that a one-row table gives rows that copy it', () => {
    const dir = tempDir();
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'age,colour\n41,red\n');
    const r = synthkit(['generate', one, '--rows', '3', '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/warning: Only 1 row to learn from: .*copy it/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('age,colour\n41,red\n41,red\n41,red\n');
  });
});

describe('synthkit fit / sample / detect / inspect', () => {
  it('fits a model once and samples it later, same seed same rows', () => {
    const dir = tempDir();
    const model = join(dir, 'adult.synthkit');
    expect(synthkit(['fit', DATA('adult.csv'), '--out', model, '-q']).code).toBe(0);
    const s1 = synthkit([
      'sample',
      model,
      '--rows',
      '300',
      '--seed',
      '4',
      '--out',
      join(dir, 's1.csv'),
      '-q',
    ]);
    const s2 = synthkit([
      'sample',
      model,
      '--rows',
      '300',
      '--seed',
      '4',
      '--out',
      join(dir, 's2.csv'),
      '-q',
    ]);
    expect(s1.code).toBe(0);
    expect(s2.code).toBe(0);
    expect(readFileSync(join(dir, 's1.csv'), 'utf8')).toBe(readFileSync(join(dir, 's2.csv'), 'utf8'));

    const inspect = synthkit(['inspect', model, '--json', '-']);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('copula');

    // A truncated artifact is refused before use.
    const bytes = readFileSync(model);
    writeFileSync(join(dir, 'cut.synthkit'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = synthkit(['sample', join(dir, 'cut.synthkit'), '--out', join(dir, 'never.csv')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/BAD_ARTIFACT/);
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });

  it('detects metadata into an editable file that generate accepts back', () => {
    const dir = tempDir();
    const md = join(dir, 'taxis.metadata.json');
    const d = synthkit(['detect', DATA('taxis.csv'), '--out', md, '-q']);
    expect(d.code).toBe(0);
    const metadata = JSON.parse(readFileSync(md, 'utf8'));
    expect(metadata.columns.pickup).toMatchObject({ sdtype: 'datetime', format: '%Y-%m-%d %H:%M:%S' });
    const g = synthkit([
      'generate',
      DATA('taxis.csv'),
      '--metadata',
      md,
      '--rows',
      '200',
      '--out',
      join(dir, 't.csv'),
      '-q',
    ]);
    expect(g.code).toBe(0);
    const firstRow = readFileSync(join(dir, 't.csv'), 'utf8').split('\n')[1]!;
    expect(firstRow).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,/);

    // Constraints written into the metadata are kept by every synthetic row.
    metadata.constraints = [{ type: 'inequality', low: 'pickup', high: 'dropoff' }];
    writeFileSync(md, JSON.stringify(metadata));
    const c = synthkit([
      'generate',
      DATA('taxis.csv'),
      '--metadata',
      md,
      '--rows',
      '1000',
      '--out',
      join(dir, 'c.csv'),
      '-q',
    ]);
    expect(c.code).toBe(0);
    const trips = readFileSync(join(dir, 'c.csv'), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(trips).toHaveLength(1000);
    for (const [pickup, dropoff] of trips) expect(dropoff! >= pickup!).toBe(true);

    metadata.columns.nonexistent = { sdtype: 'categorical' };
    writeFileSync(md, JSON.stringify(metadata));
    const bad = synthkit(['generate', DATA('taxis.csv'), '--metadata', md, '--out', join(dir, 'u.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/UNKNOWN_COLUMN.*nonexistent/);
  });

  it('lists generators and their options', () => {
    const r = synthkit(['inspect', '--generator', 'copula']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/copula/);
    expect(r.stdout).toMatch(/-O /);
  });
});
