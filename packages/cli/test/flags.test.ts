import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatorOptions } from '../src/options.js';
import { BIN, DATA, synthkit, tempDir } from './run-cli.js';

/** The first 300 rows of adult.csv in a fresh folder. */
function smallAdult(): { dir: string; data: string } {
  const dir = tempDir();
  const data = join(dir, 'd.csv');
  writeFileSync(data, `${readFileSync(DATA('adult.csv'), 'utf8').split('\n').slice(0, 301).join('\n')}\n`);
  return { dir, data };
}

describe('flag values', () => {
  it('takes counts in plain decimal digits and seeds in 0..2^32-1, recording the seed used', () => {
    const { dir, data } = smallAdult();
    for (const [flag, value] of [
      ['--rows', '1e3'],
      ['--rows', '0x10'],
      ['--rows', '0'],
      ['--rows', '1.0'],
      ['--seed', '4294967296'],
      ['--seed', '-1'],
      ['--seed', '1e2'],
    ] as const) {
      const r = synthkit(['generate', data, flag, value], dir);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toMatch(/^synthkit: \[USAGE\] /);
    }
    expect(readdirSync(dir)).toEqual(['d.csv']);
    const r = synthkit(
      ['generate', data, '-n', '1', '--seed', '4294967295', '--json', '-', '-o', 'one.csv'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).seed).toBe(4294967295);
    expect(JSON.parse(readFileSync(join(dir, 'one.manifest.json'), 'utf8')).seed).toBe(4294967295);
    expect(r.stderr).toMatch(/^synthkit: 1 row x 15 columns /);
    writeFileSync(join(dir, 'one.csv'), 'a\n1\n');
    expect(synthkit(['detect', 'one.csv', '-o', '-', '--json', 'r.json'], dir).stderr).toContain(
      'synthkit: 1 row x 1 column;',
    );
  });

  it('sample: refuses --steps and --encoder for a saved model; the manifest names the model file', () => {
    const { dir, data } = smallAdult();
    expect(synthkit(['fit', data, '-o', 'm.synthkit', '-q'], dir).code).toBe(0);
    const steps = synthkit(['sample', 'm.synthkit', '--steps', '5'], dir);
    expect(steps.code).toBe(2);
    expect(steps.stderr).toMatch(/^synthkit: \[USAGE\] --steps .*fixed when it was fitted.*fit .*--steps N/);
    const encoder = synthkit(['sample', 'm.synthkit', '--encoder', 'e.json'], dir);
    expect(encoder.code).toBe(2);
    expect(encoder.stderr).toMatch(/^synthkit: \[USAGE\] --encoder is for \.onnx models/);
    expect(existsSync(join(dir, 'synthetic.csv'))).toBe(false);

    const ok = synthkit(['sample', 'm.synthkit', '-n', '3', '-o', 's.csv'], dir);
    expect(ok.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 's.manifest.json'), 'utf8'));
    expect(manifest.model).toEqual({ path: 'm.synthkit' });
    expect(manifest.trainingData).toEqual({ fingerprint: expect.any(String), rows: 300 });
    expect(manifest.input).toBeUndefined();
  });

  it('--encoding reads a latin1 file, and the PARSE_ERROR hint names the flag', () => {
    const dir = tempDir();
    const file = join(dir, 'l1.csv');
    const rows = ['city,n', ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 'Zürich' : 'Genève'},${i}`)];
    writeFileSync(file, Buffer.from(`${rows.join('\n')}\n`, 'latin1'));
    const bad = synthkit(['detect', file, '-o', '-'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^synthkit: \[PARSE_ERROR\] .*--encoding latin1/);
    expect(bad.stderr).not.toContain('option encoding');
    const good = synthkit(['generate', file, '--encoding', 'latin1', '-n', '20', '-o', 'o.csv', '-q'], dir);
    expect(good.code).toBe(0);
    expect(readFileSync(join(dir, 'o.csv'), 'utf8')).toMatch(/Zürich|Genève/);
    // JSON input is decoded the same way.
    writeFileSync(join(dir, 'l1.json'), Buffer.from('[{"city":"Zürich"},{"city":"Genève"}]', 'latin1'));
    const json = synthkit(['detect', 'l1.json', '--encoding', 'windows-1252', '-o', '-', '-q'], dir);
    expect(json.code).toBe(0);
    expect(synthkit(['detect', 'l1.json', '-o', '-'], dir).stderr).toMatch(/\[PARSE_ERROR\]/);
  });

  it('1e309 in a number column is an infinity under --non-finite', () => {
    const dir = tempDir();
    const rows = ['x,y', ...Array.from({ length: 60 }, (_, i) => `${i === 5 ? '1e309' : i},${i % 3}`)];
    writeFileSync(join(dir, 'big.csv'), `${rows.join('\n')}\n`);
    const strict = synthkit(['generate', 'big.csv', '-o', 'o.csv'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /^synthkit: \[BAD_VALUE\] "1e309" is not a finite number.*--non-finite missing/,
    );
    const lenient = synthkit(['generate', 'big.csv', '-o', 'o.csv', '--non-finite', 'missing'], dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('1 infinite value(s) read as missing');
  });
});

describe('signals', () => {
  it('SIGTERM and SIGHUP during sampling remove the temporary file', async () => {
    const { dir, data } = smallAdult();
    expect(synthkit(['fit', data, '-o', 'm.synthkit', '-q'], dir).code).toBe(0);
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      const cli = spawn(
        process.execPath,
        [BIN, 'sample', 'm.synthkit', '-n', '50000000', '-o', 'big.csv', '-q'],
        {
          cwd: dir,
        },
      );
      let stderr = '';
      cli.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
      });
      const closed = new Promise<number | null>((done) => cli.on('close', done));
      // Wait until the temporary output exists, so the signal lands mid-write.
      const deadline = Date.now() + 20_000;
      while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
      cli.kill(signal);
      const code = await closed;
      expect(code, stderr).not.toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['d.csv', 'm.synthkit']);
      expect(stderr).toContain('interrupted');
    }
  });
});

describe('generator options from -O and the shortcut flags', () => {
  it('merges them, and refuses one option given two different values', () => {
    expect(generatorOptions(['engine=onnx', 'epochs=3'], { epochs: 3, steps: undefined })).toEqual({
      engine: 'onnx',
      epochs: '3',
    });
    expect(() => generatorOptions(['epochs=3'], { epochs: 1 })).toThrow(/--epochs 1 and -O epochs=3/);
    const r = synthkit(['generate', DATA('adult.csv'), '--epochs', '1', '-O', 'epochs=3', '-g', 'tvae']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^synthkit: \[USAGE\] --epochs 1 and -O epochs=3 both set epochs/);
  });
});
