import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DATA, synthkit, tempDir } from './run-cli.js';

describe('where output goes', () => {
  it('--out - streams CSV to stdout and writes no other file; messages go to stderr', () => {
    const dir = tempDir();
    const r = synthkit(['generate', DATA('adult.csv'), '-n', '300', '--seed', '3', '--out', '-'], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(301);
    expect(lines[0]).toBe(readFileSync(DATA('adult.csv'), 'utf8').split('\n')[0]);
    expect(r.stderr).toMatch(/^synthkit: 300 rows x 15 columns .* -> stdout/);
    expect(readdirSync(dir)).toEqual([]);
    // Same bytes as a file written with the same seed.
    expect(synthkit(['generate', DATA('adult.csv'), '-n', '300', '--seed', '3', '-q'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'synthetic.csv'), 'utf8')).toBe(r.stdout);
    const md = synthkit(['detect', DATA('taxis.csv'), '-o', '-'], dir);
    expect(md.code).toBe(0);
    expect(JSON.parse(md.stdout).columns.pickup.sdtype).toBe('datetime');
    expect(md.stderr).toMatch(/metadata -> stdout/);
    expect(readdirSync(dir).sort()).toEqual([
      'synthetic.csv',
      'synthetic.manifest.json',
      'synthetic.metadata.json',
    ]);
    const both = synthkit(['generate', DATA('adult.csv'), '--out', '-', '--json', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^synthkit: \[USAGE\] --out - and --json - both want stdout/);
  });

  it('writes the metadata beside the output and times the whole run in the manifest', () => {
    const dir = tempDir();
    const r = synthkit([
      'generate',
      DATA('adult.csv'),
      '-n',
      '100',
      '--out',
      join(dir, 'out', 'a.csv'),
      '-q',
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.csv', 'a.manifest.json', 'a.metadata.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'a.manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stages)).toEqual(['read', 'fit', 'sample', 'write']);
    const sum = Object.values(manifest.stages as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(manifest.seconds).toBeGreaterThanOrEqual(sum - 0.004);
    expect(manifest.seconds).toBeGreaterThan(manifest.stages.fit);
    expect(Math.round(manifest.seconds * 1000) / 1000).toBe(manifest.seconds);
    // A second run into the same folder does not overwrite the first one's metadata.
    const md = join(dir, 'kept', 'metadata.json');
    const b = synthkit([
      'generate',
      DATA('taxis.csv'),
      '-n',
      '50',
      '--out',
      join(dir, 'out', 'b.csv'),
      '--metadata-out',
      md,
      '-q',
    ]);
    expect(b.code).toBe(0);
    expect(JSON.parse(readFileSync(md, 'utf8')).columns.pickup.sdtype).toBe('datetime');
    expect(JSON.parse(readFileSync(join(dir, 'out', 'a.metadata.json'), 'utf8')).columns.age).toBeDefined();
    expect(existsSync(join(dir, 'out', 'b.metadata.json'))).toBe(false);
  });

  it('writes through a symbolic link and into a device without replacing them', () => {
    const dir = tempDir();
    const target = join(dir, 'real.csv');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    expect(synthkit(['generate', DATA('adult.csv'), '-n', '20', '--out', link, '-q']).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8').split('\n')).toHaveLength(22);

    const full = join(dir, 'full.csv');
    symlinkSync('/dev/full', full);
    const r = synthkit(['generate', DATA('adult.csv'), '-n', '20', '--out', full]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^synthkit: \[IO_ERROR\] Cannot write .*full\.csv \(ENOSPC/m);
    expect(lstatSync(full).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO that another process reads', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'rows.csv');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (c: Buffer) => {
      read += c.toString('utf8');
    });
    const readerDone = new Promise((done) => reader.on('close', done));
    const cli = spawn(process.execPath, [
      BIN,
      'generate',
      DATA('adult.csv'),
      '-n',
      '40',
      '--out',
      fifo,
      '-q',
    ]);
    const code = await new Promise((done) => cli.on('close', done));
    await readerDone;
    expect(code).toBe(0);
    expect(read.trimEnd().split('\n')).toHaveLength(41);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
