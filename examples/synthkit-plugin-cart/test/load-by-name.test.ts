import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type GeneratorPlugin, parseOptions, Registry } from '@synthkit/core';
import { loadConfig, loadPlugins } from '@synthkit/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adultPath, adultView, sampleAll, silent } from './helpers.js';

// Loading by name uses the built package (dist/), exactly as a user's synthkit does: `npm test`
// builds every workspace first.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(repo, 'packages/cli/dist/bin.js');
const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  for (const built of [cli, join(repo, 'examples/synthkit-plugin-cart/dist/index.js')])
    if (!existsSync(built))
      throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
  dir = await mkdtemp(join(tmpdir(), 'synthkit-cart-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function fitsAndSamples(plugin: GeneratorPlugin): Promise<void> {
  const view = adultView(300);
  const model = await plugin.fit(view, parseOptions(plugin.options, {}), silent);
  expect((await sampleAll(model, 50)).nRows).toBe(50);
}

describe('loading the cart plugin by name, with no code change in synthkit', () => {
  it('through loadPlugins, by path and by package name', async () => {
    for (const spec of ['./examples/synthkit-plugin-cart', 'synthkit-plugin-cart']) {
      const registry = new Registry();
      const loaded = await loadPlugins([spec], registry, { cwd: repo });
      expect(loaded.map((p) => `${p.kind}:${p.name}`)).toEqual(['generator:cart']);
      await fitsAndSamples(registry.get('generator', 'cart'));
    }
  });

  it('from a synthkit.config.json', async () => {
    const path = join(dir, 'synthkit.config.json');
    const config = {
      plugins: [join(repo, 'examples/synthkit-plugin-cart')],
      generator: 'cart',
      options: { minLeaf: 10 },
    };
    await writeFile(path, JSON.stringify(config));
    const read = await loadConfig(path);
    const registry = new Registry();
    await loadPlugins(read.plugins ?? [], registry, { cwd: dir });
    const plugin = registry.get('generator', read.generator!);
    expect(parseOptions(plugin.options, read.options).minLeaf).toBe(10);
    await fitsAndSamples(plugin);
  });

  it('through the built CLI: synthkit generate adult.csv --plugin ./examples/synthkit-plugin-cart --generator cart', async () => {
    const out = join(dir, 'adult-cart.csv');
    const args = [
      'generate',
      'data/adult.csv',
      '--plugin',
      './examples/synthkit-plugin-cart',
      '--generator',
      'cart',
    ];
    await run(process.execPath, [cli, ...args, '--rows', '2000', '--out', out, '--seed', '1', '--quiet'], {
      cwd: repo,
    });
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    const real = (await readFile(adultPath, 'utf8')).split('\n', 1)[0];
    expect(lines[0]).toBe(real);
    expect(lines.length).toBe(2001);
    const manifest = JSON.parse(await readFile(join(dir, 'adult-cart.manifest.json'), 'utf8'));
    expect(manifest.generator).toMatchObject({ name: 'cart', version: '0.1.0' });
  });

  it('through the built CLI with --config', async () => {
    const path = join(dir, 'cli.config.json');
    // a relative plugin path in a config file is read from the config file's folder
    const plugin = relative(dir, join(repo, 'examples/synthkit-plugin-cart'));
    await writeFile(path, JSON.stringify({ plugins: [plugin], generator: 'cart' }));
    const out = join(dir, 'config.csv');
    const input = join(dir, 'adult-2000.csv');
    const text = await readFile(adultPath, 'utf8');
    await writeFile(input, `${text.split('\n', 2001).join('\n')}\n`);
    const flags = [
      '--config',
      path,
      '--generator',
      'cart',
      '-O',
      'minLeaf=20',
      '--rows',
      '300',
      '--out',
      out,
      '--quiet',
    ];
    await run(process.execPath, [cli, 'generate', input, ...flags], { cwd: repo });
    expect((await readFile(out, 'utf8')).trimEnd().split('\n').length).toBe(301);
    const manifest = JSON.parse(await readFile(join(dir, 'config.manifest.json'), 'utf8'));
    expect(manifest.generator).toMatchObject({ name: 'cart', options: { minLeaf: 20 } });
  });
});
