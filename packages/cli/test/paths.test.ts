import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

/** A folder holding d.csv: the first 300 rows of adult.csv (fits in a fraction of a second). */
function withData(): { dir: string; data: string; bytes: string } {
  const dir = tempDir();
  const bytes = readFileSync(DATA('adult.csv'), 'utf8').split('\n').slice(0, 301).join('\n');
  const data = join(dir, 'd.csv');
  writeFileSync(data, `${bytes}\n`);
  return { dir, data, bytes: `${bytes}\n` };
}

describe('output paths are checked before any work', () => {
  it('writes no manifest or metadata beside /dev/null, and says so', () => {
    const { dir, data } = withData();
    const r = synthkit(['generate', data, '-n', '5', '--out', '/dev/null'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('/dev/null is not a regular file');
    expect(existsSync('/dev/null.manifest.json')).toBe(false);
    expect(existsSync('/dev/null.metadata.json')).toBe(false);
    const quiet = synthkit(['generate', data, '-n', '5', '--out', '/dev/null', '-q'], dir);
    expect(quiet.stderr).toBe('');
    // An explicit --metadata-out is still honoured.
    const md = join(dir, 'md.json');
    expect(synthkit(['generate', data, '-n', '5', '-o', '/dev/null', '--metadata-out', md, '-q']).code).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(md, 'utf8')).columns.age.sdtype).toBe('numerical');
  });

  it('refuses outputs that are the same file as an input or another output, touching nothing', () => {
    const { dir, data, bytes } = withData();
    const cases: string[][] = [
      ['generate', 'd.csv', '--out', 'd.csv'],
      ['generate', 'd.csv', '--out', './sub/../d.csv'],
      ['split', 'd.csv', '--out-train', 'd.csv'],
      ['split', 'd.csv', '--out-train', 't.csv', '--out-control', 't.csv'],
      ['generate', 'd.csv', '--out', 'g.csv', '--metadata-out', 'g.csv'],
      ['generate', 'd.csv', '--out', 'g.csv', '--json', 'd.csv'],
      ['generate', 'd.csv', '--out', 'g.csv', '--json', 'g.csv'],
      ['evaluate', 'd.csv', 'd.csv', '--report', 'd.csv'],
      ['detect', 'd.csv', '--out', 'd.csv'],
      ['fit', 'd.csv', '--out', 'd.csv'],
    ];
    mkdirSync(join(dir, 'sub'));
    for (const args of cases) {
      const r = synthkit(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^synthkit: \[USAGE\] .* is the same file as the (input|output)/);
      expect(readFileSync(data, 'utf8')).toBe(bytes);
      expect(readdirSync(dir).sort(), args.join(' ')).toEqual(['d.csv', 'sub']);
    }
  });

  it('fails at once with IO_ERROR naming an output that cannot be written', () => {
    const { dir, data } = withData();
    mkdirSync(join(dir, 'folder'));
    const cases: Array<[string[], string]> = [
      [['generate', data, '--out', '/proc/x.csv'], '--out /proc/x.csv'],
      [['generate', data, '--out', join(dir, 'folder')], 'it is a folder'],
      [['generate', data, '--out', 'g.csv', '--metadata-out', '/proc/nope/m.json'], '/proc/nope'],
      [['fit', data, '--out', '/proc/m.synthkit'], '--out /proc/m.synthkit'],
      [['split', data, '--out-control', '/proc/c.csv'], '--out-control /proc/c.csv'],
      [['evaluate', data, data, '--report', '/proc/r.html'], '--report /proc/r.html'],
    ];
    for (const [args, named] of cases) {
      const r = synthkit(args, dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^synthkit: \[IO_ERROR\] /);
      expect(r.stderr).toContain(named);
      // Up front: no progress line, no other output written.
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(dir).sort(), args.join(' ')).toEqual(['d.csv', 'folder']);
    }
    // Missing folders are created, as before.
    expect(synthkit(['generate', data, '-n', '5', '--out', join(dir, 'a/b/s.csv'), '-q']).code).toBe(0);
    expect(existsSync(join(dir, 'a/b/s.manifest.json'))).toBe(true);
  });

  it('a bad --json path fails up front, said once, with no outputs written', () => {
    const { dir, data } = withData();
    const r = synthkit(['generate', data, '--out', 'g.csv', '--json', '/proc/nope/r.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^synthkit: \[IO_ERROR\] .*r\.json/),
    ]);
    expect(readdirSync(dir)).toEqual(['d.csv']);
  });

  it('refuses an output extension it cannot write instead of putting CSV in it', () => {
    const { dir, data } = withData();
    for (const out of ['x.json', 'x.jsonl', 'x.csv.gz', 'x.parquet']) {
      const r = synthkit(['generate', data, '-o', out], dir);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/^synthkit: \[USAGE\] --out x\..* cannot write .*\.csv.*\.tsv/);
    }
    const split = synthkit(['split', data, '--out-train', 't.json'], dir);
    expect(split.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['d.csv']);
    // .tsv is tab-separated, for split too.
    expect(synthkit(['split', data, '--out-train', 't.tsv', '--out-control', 'c.csv', '-q'], dir).code).toBe(
      0,
    );
    expect(readFileSync(join(dir, 't.tsv'), 'utf8').split('\n')[0]).toContain('age\tworkclass');
  });
});
