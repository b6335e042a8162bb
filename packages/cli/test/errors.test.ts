import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, failureLine } from '../src/failure.js';
import { BIN, DATA, synthkit, tempDir } from './run-cli.js';

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('errors are one [CODE] line, usage mistakes included', () => {
  it('reports commander mistakes as USAGE with the command to ask for help', () => {
    const unknown = synthkit(['generate', DATA('adult.csv'), '--bogus']);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toEqual([
      "synthkit: [USAGE] unknown option '--bogus'. Generator options go through -O: -O bogus=<value> (synthkit inspect --generator <name> lists them); see synthkit generate --help for the flags",
    ]);
    const missing = synthkit(['fit']);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toEqual([
      "synthkit: [USAGE] missing required argument 'input'. See synthkit fit --help",
    ]);
    const badNumber = synthkit(['split', DATA('adult.csv'), '--holdout', 'lots']);
    expect(badNumber.code).toBe(2);
    expect(oneLine(badNumber.stderr)).toHaveLength(1);
    expect(badNumber.stderr).toMatch(/^synthkit: \[USAGE\] .*--holdout must be a number between 0 and 1/);
    const command = synthkit(['generat']);
    expect(command.stderr).toMatch(/^synthkit: \[USAGE\] unknown command 'generat'/);
    expect(synthkit(['--help']).code).toBe(0);
  });

  it('writes {"error": …} where --json points when a run fails', () => {
    const dir = tempDir();
    const usage = synthkit(['generate', DATA('adult.csv'), '--rows', 'many', '--json', '-']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toEqual({
      error: {
        code: 'USAGE',
        message: expect.stringContaining('--rows must be a positive integer'),
        hint: 'See synthkit generate --help',
      },
    });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const result = join(dir, 'result.json');
    const data = synthkit(['generate', empty, '--out', join(dir, 'o.csv'), '--json', result]);
    expect(data.code).toBe(1);
    expect(JSON.parse(readFileSync(result, 'utf8')).error).toMatchObject({
      code: 'EMPTY_INPUT',
      message: expect.any(String),
    });
  });

  it('does not hang on an output folder it cannot create (procfs)', () => {
    if (!existsSync('/proc/self')) return;
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      [BIN, 'generate', DATA('adult.csv'), '-n', '10', '--out', '/proc/nope/x.csv', '-q'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^synthkit: \[IO_ERROR\] .*\/proc\/nope.*\. .*writable/);
  });

  it('maps a raw Node system error to an IO_ERROR line with a hint', async () => {
    const e = await readFile(join(tempDir(), 'missing.csv')).catch((x: unknown) => x);
    const f = classify(e, 'generate');
    expect(f).toMatchObject({ code: 'IO_ERROR', exitCode: 1 });
    expect(failureLine(f as Parameters<typeof failureLine>[0])).toMatch(
      /^\[IO_ERROR\] Cannot open .*missing\.csv \(ENOENT: no such file or directory\)\. Check the path/,
    );
    expect(classify(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), undefined)).toEqual({
      exitCode: 0,
    });
  });

  it('stops quietly when the reader of --out - goes away (| head -1)', () => {
    const dir = tempDir();
    const script = `"${process.execPath}" "${BIN}" generate "${DATA('adult.csv')}" -n 200000 --out - 2>"${join(dir, 'err.txt')}" | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    const [header, exit] = r.stdout.trim().split('\n');
    expect(header).toMatch(/^age,workclass,/);
    expect(exit).toBe('exit=0');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });
});
