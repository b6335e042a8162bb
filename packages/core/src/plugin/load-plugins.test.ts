import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../synthesizer/load-config.js';
import { loadPlugins } from './load-plugins.js';
import { Registry } from './registry.js';

const dir = mkdtempSync(join(tmpdir(), 'synthkit-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const generator = (name: string) => `{
  kind: 'generator', name: '${name}', version: '1.0.0', description: 'test', options: {},
  supports: { conditions: 'none' },
  async fit() { return { sample: async function* () {}, save: () => ({ json: null, arrays: {} }) }; },
  load() { return { sample: async function* () {}, save: () => ({ json: null, arrays: {} }) }; },
}`;
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

write('single.mjs', `export default ${generator('single')};`);
write('many.mjs', `export default [${generator('a')}, ${generator('b')}];`);
write('named.mjs', `export const plugins = [${generator('named')}];`);
write('factory.mjs', `export default () => (${generator('made')});`);
write('nothing.mjs', 'export const x = 1;');
write('broken.mjs', `export default { kind: 'generator', name: 'half', version: '1' };`);
write('throws.mjs', `throw new Error('boom at import');`);
write(
  'folder/package.json',
  JSON.stringify({
    name: 'folder',
    type: 'module',
    exports: { '.': { '@synthkit/source': './src/index.ts', types: './x.d.ts', import: './dist/index.js' } },
  }),
);
write('folder/dist/index.js', `export default ${generator('from-folder')};`);
write(
  'node_modules/synthkit-plugin-demo/package.json',
  JSON.stringify({
    name: 'synthkit-plugin-demo',
    type: 'module',
    exports: { '.': './main.js', './extra': { default: './extra.js' } },
  }),
);
write('node_modules/synthkit-plugin-demo/main.js', `export default ${generator('demo')};`);
write('node_modules/synthkit-plugin-demo/extra.js', `export default ${generator('demo-extra')};`);
write(
  'node_modules/@acme/plug/package.json',
  JSON.stringify({ name: '@acme/plug', type: 'module', main: 'lib.js' }),
);
write('node_modules/@acme/plug/lib.js', `export default ${generator('acme')};`);
write('nested/deeper/.keep', '');

describe('loadPlugins', () => {
  it('loads every accepted module shape by path and by package name', async () => {
    const registry = new Registry();
    const loaded = await loadPlugins(
      [
        './single.mjs',
        './many.mjs',
        './named.mjs',
        './factory.mjs',
        './folder',
        'synthkit-plugin-demo',
        'synthkit-plugin-demo/extra',
        '@acme/plug',
      ],
      registry,
      { cwd: dir },
    );
    expect(loaded.map((p) => p.name)).toEqual([
      'single',
      'a',
      'b',
      'named',
      'made',
      'from-folder',
      'demo',
      'demo-extra',
      'acme',
    ]);
    expect(registry.get('generator', 'demo').version).toBe('1.0.0');
    // package names resolve from parent folders' node_modules too
    await loadPlugins(['synthkit-plugin-demo'], registry, { cwd: join(dir, 'nested', 'deeper') });
  });

  it('explains what is wrong', async () => {
    const r = new Registry();
    const load = (spec: string) => loadPlugins([spec], r, { cwd: dir });
    await expect(load('not-installed-plugin')).rejects.toMatchObject({
      code: 'PLUGIN_NOT_FOUND',
      hint: expect.stringContaining('npm install not-installed-plugin'),
    });
    await expect(load('./missing.mjs')).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' });
    await expect(load('synthkit-plugin-demo/nope')).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' });
    await expect(load('./nothing.mjs')).rejects.toMatchObject({
      code: 'BAD_PLUGIN',
      message: expect.stringContaining('exports no synthkit plugin'),
    });
    await expect(load('./broken.mjs')).rejects.toMatchObject({
      code: 'BAD_PLUGIN',
      message: expect.stringMatching(/"half".*supports\.conditions.*fit function.*load function/),
    });
    await expect(load('./throws.mjs')).rejects.toMatchObject({
      code: 'BAD_PLUGIN',
      message: expect.stringContaining('boom at import'),
    });
  });
});

describe('loadConfig', () => {
  it('reads plugins (paths made absolute), generator and options', async () => {
    write(
      'conf/synthkit.config.json',
      JSON.stringify({
        plugins: ['../single.mjs', 'synthkit-plugin-demo'],
        generator: 'single',
        options: { epochs: 3 },
      }),
    );
    const config = await loadConfig(join(dir, 'conf/synthkit.config.json'));
    expect(config).toEqual({
      plugins: [join(dir, 'single.mjs'), 'synthkit-plugin-demo'],
      generator: 'single',
      options: { epochs: 3 },
    });
    const r = new Registry();
    await loadPlugins(config.plugins!, r, { cwd: dir });
    expect(r.has('generator', 'single')).toBe(true);
  });

  it('names the bad field', async () => {
    write('bad1.json', '{ "plugins": "x" }');
    write('bad2.json', '{ "plugin": ["x"] }');
    write('bad3.json', '{ nope');
    await expect(loadConfig(join(dir, 'bad1.json'))).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('"plugins"'),
    });
    await expect(loadConfig(join(dir, 'bad2.json'))).rejects.toMatchObject({
      code: 'BAD_OPTION',
      message: expect.stringContaining('"plugin"'),
    });
    await expect(loadConfig(join(dir, 'bad3.json'))).rejects.toMatchObject({ code: 'BAD_OPTION' });
    await expect(loadConfig(join(dir, 'none.json'))).rejects.toMatchObject({ code: 'IO_ERROR' });
  });
});
