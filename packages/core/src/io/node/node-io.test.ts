import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMetadata } from '../../metadata/detect.js';
import type { Table } from '../../table/table.js';
import { writeFileAtomic } from './atomic-write.js';
import { ensureParentDir } from './ensure-dir.js';
import { readCsvFile, readCsvFileBatches, readTableFile } from './read-file.js';
import { writeCsvFile } from './write-csv-file.js';

const dir = mkdtempSync(join(tmpdir(), 'synthkit-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const adult = new URL('../../../../../data/adult.csv', import.meta.url).pathname;

describe('writeFileAtomic', () => {
  it('writes strings, bytes and streams', async () => {
    const p = join(dir, 'a.txt');
    await writeFileAtomic(p, 'hello');
    expect(readFileSync(p, 'utf8')).toBe('hello');
    await writeFileAtomic(p, new TextEncoder().encode('bytes'));
    expect(readFileSync(p, 'utf8')).toBe('bytes');
    await writeFileAtomic(p, ['a', new TextEncoder().encode('b'), 'c']);
    expect(readFileSync(p, 'utf8')).toBe('abc');
  });

  it('leaves neither a half file nor a temp file when the stream throws midway', async () => {
    const p = join(dir, 'broken.csv');
    writeFileSync(p, 'previous content');
    async function* failing() {
      yield 'x'.repeat(3 << 20); // more than one flush, so bytes reach the temp file first
      yield 'more';
      throw new Error('generator failed');
    }
    await expect(writeFileAtomic(p, failing())).rejects.toThrow('generator failed');
    expect(readFileSync(p, 'utf8')).toBe('previous content');
    const fresh = join(dir, 'never.csv');
    await expect(writeFileAtomic(fresh, failing())).rejects.toThrow('generator failed');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('explains a missing output directory', async () => {
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'dir.csv'), 'x')).rejects.toMatchObject({
      code: 'IO_ERROR',
      hint: expect.stringContaining('directory'),
    });
  });
});

describe('writing to links, pipes and devices', () => {
  it('follows a symbolic link: the target is replaced, the link stays a link', async () => {
    const target = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    // A dangling link gets its target created.
    const dangling = join(dir, 'dangling.csv');
    symlinkSync('made-through-link.csv', dangling);
    await writeFileAtomic(dangling, 'via link');
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made-through-link.csv'), 'utf8')).toBe('via link');
  });

  it('writes into a FIFO instead of replacing it with a file', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reader = new Promise<string>((done, fail) => {
      createReadStream(fifo)
        .on('data', (c) => chunks.push(c as Buffer))
        .on('end', () => done(Buffer.concat(chunks).toString('utf8')))
        .on('error', fail);
    });
    await writeFileAtomic(fifo, ['a,b\n', '1,2\n']);
    expect(await reader).toBe('a,b\n1,2\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes to a character device through a link and reports a full device as IO_ERROR', async () => {
    if (!existsSync('/dev/full')) return;
    const link = join(dir, 'full.csv');
    symlinkSync('/dev/full', link);
    await expect(writeFileAtomic(link, 'x'.repeat(10_000))).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('ENOSPC'),
      hint: expect.stringContaining('disk'),
    });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const nul = join(dir, 'null.csv');
    symlinkSync('/dev/null', nul);
    await writeFileAtomic(nul, 'discarded');
    expect(lstatSync(nul).isSymbolicLink()).toBe(true);
  });

  it('keeps the permissions of a file it replaces', async () => {
    const p = join(dir, 'private.csv');
    writeFileSync(p, 'x', { mode: 0o600 });
    await writeFileAtomic(p, 'y');
    expect(statSync(p).mode & 0o777).toBe(0o600);
  });
});

describe('ensureParentDir', () => {
  it('creates missing folders one by one', async () => {
    const p = join(dir, 'deep', 'er', 'out.csv');
    await ensureParentDir(p);
    expect(statSync(join(dir, 'deep', 'er')).isDirectory()).toBe(true);
    await ensureParentDir(p);
  });

  it('fails at once with IO_ERROR where a folder cannot be made (procfs, a file in the way)', async () => {
    if (existsSync('/proc/self')) {
      const started = Date.now();
      await expect(ensureParentDir('/proc/nope/x.csv')).rejects.toMatchObject({
        code: 'IO_ERROR',
        message: expect.stringContaining('/proc/nope'),
        hint: expect.stringContaining('writable'),
      });
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const file = join(dir, 'plain-file');
    writeFileSync(file, '');
    await expect(ensureParentDir(join(file, 'sub', 'x.csv'))).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('not a folder'),
    });
  });
});

describe('reading and writing files', () => {
  it('reads Adult from disk and writes it back byte for byte, in batches too', async () => {
    const { table, formats, dialect } = await readCsvFile(adult);
    const meta = detectMetadata(table, { formats });
    const out = join(dir, 'adult-out.csv');
    await writeCsvFile(out, table, meta, { dialect });
    expect(readFileSync(out).equals(readFileSync(adult))).toBe(true);
    const batches = async function* () {
      for await (const b of readCsvFileBatches(adult, { batchSize: 5000 })) yield b.table;
    };
    const out2 = join(dir, 'adult-batches.csv');
    await writeCsvFile(out2, batches(), meta, { dialect });
    expect(readFileSync(out2).equals(readFileSync(adult))).toBe(true);
  });

  it('dispatches on .tsv, .json, .jsonl and .gz', async () => {
    const tsv = join(dir, 't.tsv');
    writeFileSync(tsv, 'a\tb\n1\tx,y\n2\tz\n');
    expect((await readTableFile(tsv)).table.row(0)).toEqual({ a: 1, b: 'x,y' });
    const json = join(dir, 't.json');
    writeFileSync(
      json,
      JSON.stringify([
        { a: 1, b: 'x', c: true },
        { a: 2.5, c: false, d: { k: 1 } },
      ]),
    );
    const j = await readTableFile(json);
    expect(j.table.names).toEqual(['a', 'b', 'c', 'd']);
    expect(j.table.row(1)).toEqual({ a: 2.5, b: null, c: false, d: '{"k":1}' });
    expect(j.formats.c).toEqual({ kind: 'boolean', trueToken: 'true', falseToken: 'false' });
    const jsonl = join(dir, 't.jsonl');
    writeFileSync(jsonl, '{"when":"2020-01-02","n":null}\n\n{"when":"2021-03-04","n":3}\n');
    const l = await readTableFile(jsonl);
    expect(l.formats.when).toEqual({ kind: 'datetime', format: '%Y-%m-%d' });
    expect(l.table.row(0).n).toBeNull();
    const gz = join(dir, 't.csv.gz');
    writeFileSync(gz, gzipSync('a,b\n1,2\n'));
    expect((await readTableFile(gz)).table.row(0)).toEqual({ a: 1, b: 2 });
  });

  it('gives clear errors for missing files, unknown extensions and bad JSON', async () => {
    await expect(readCsvFile(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'IO_ERROR' });
    await expect(readTableFile(join(dir, 'x.parquet'))).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"a":1}\n{"a":\n');
    await expect(readTableFile(bad)).rejects.toMatchObject({ code: 'PARSE_ERROR', row: 2 });
    const notRecords = join(dir, 'bad.json');
    writeFileSync(notRecords, '[1,2]');
    await expect(readTableFile(notRecords)).rejects.toMatchObject({ code: 'BAD_VALUE', row: 1 });
    writeFileSync(notRecords, '[]');
    await expect(readTableFile(notRecords)).rejects.toMatchObject({ code: 'NO_ROWS' });
  });

  it('writes a stream of batches through writeCsvFile with a header even when there are none', async () => {
    const p = join(dir, 'empty.csv');
    await writeCsvFile(p, [] as Table[], { version: 1, columns: { a: { sdtype: 'categorical' } } });
    expect(readFileSync(p, 'utf8')).toBe('a\n');
  });
});
