import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, synthkit, tempDir } from './run-cli.js';

/** A small slice of Adult so one epoch of a neural generator takes seconds. */
function smallAdult(dir: string): string {
  const lines = readFileSync(DATA('adult.csv'), 'utf8').split('\n').slice(0, 301);
  const path = join(dir, 'small.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('neural model files through the CLI', () => {
  it('fits a TVAE model, then samples it in a new process that loads @synthkit/vae on demand', () => {
    const dir = tempDir();
    const data = smallAdult(dir);
    const model = join(dir, 'model.synthkit');
    const fit = synthkit(['fit', data, '-g', 'tvae', '--epochs', '1', '--out', model, '-q']);
    expect(fit.stderr).toBe('');
    expect(fit.code).toBe(0);

    const out = join(dir, 'rows.csv');
    const sample = synthkit(['sample', model, '--seed', '3', '--out', out, '-q']);
    expect(sample.stderr).toBe('');
    expect(sample.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    // Without --rows: as many rows as the model was trained on.
    expect(lines).toHaveLength(301);
    expect(lines[0]).toBe(readFileSync(data, 'utf8').split('\n')[0]);

    const about = synthkit(['inspect', model, '--json', '-']);
    expect(about.code).toBe(0);
    expect(JSON.parse(about.stdout).generator.name).toBe('tvae');
  }, 120_000);

  it('exports a fitted ddpm model as ONNX + sidecar that `sample model.onnx` serves; refuses other generators', () => {
    const dir = tempDir();
    const data = smallAdult(dir);
    const model = join(dir, 'ddpm.synthkit');
    const fit = synthkit([
      'fit',
      data,
      '-g',
      'ddpm',
      '-O',
      'iterations=10',
      '--steps',
      '5',
      '--out',
      model,
      '-q',
    ]);
    expect(fit.code).toBe(0);
    const onnx = join(dir, 'denoiser.onnx');
    const encoder = join(dir, 'encoder.json');
    const exported = synthkit(['export', model, '--onnx', onnx, '--encoder', encoder, '-q']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(JSON.parse(readFileSync(encoder, 'utf8')).columns.length).toBeGreaterThan(0);
    const rows = (seed: string) => {
      const out = join(dir, `rows-${seed}.csv`);
      const r = synthkit([
        'sample',
        onnx,
        '--encoder',
        encoder,
        '--rows',
        '30',
        '--steps',
        '5',
        '--seed',
        seed,
        '--out',
        out,
        '-q',
      ]);
      expect(r.code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const first = rows('4');
    expect(first.trimEnd().split('\n')).toHaveLength(31);
    expect(rows('4')).toBe(first);

    const copula = join(dir, 'copula.synthkit');
    expect(synthkit(['fit', data, '--out', copula, '-q']).code).toBe(0);
    const refused = synthkit([
      'export',
      copula,
      '--onnx',
      join(dir, 'c.onnx'),
      '--encoder',
      join(dir, 'c.json'),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\[UNSUPPORTED\] .*copula generator, which has no ONNX export/);
  }, 120_000);

  it('registers a generator package named with --plugin', () => {
    const r = synthkit(['inspect', '--plugin', '@synthkit/gan', '--generator', 'ctgan', '--json', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ctgan.supports.conditions).toBe('discrete');
  });

  it('names the built-in generators when asked for one that does not exist', () => {
    const dir = tempDir();
    const r = synthkit(['generate', DATA('adult.csv'), '-g', 'nosuch', '--out', join(dir, 'x.csv'), '-q']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/PLUGIN_NOT_FOUND/);
    expect(r.stderr).toMatch(/copula, .*tvae/);
  });
});
