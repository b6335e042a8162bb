import { describe, expect, it } from 'vitest';
import { SynthkitError } from '../errors/synthkit-error.js';
import { configurePlugin, defineOptions, parseOptions } from './options.js';

const schema = defineOptions({
  epochs: { type: 'integer', default: 300, min: 1, description: 'training epochs' },
  lr: { type: 'number', default: 2e-4, min: 0, description: 'learning rate' },
  backend: { type: 'enum', values: ['wasm', 'cpu'] as const, default: 'wasm', description: 'backend' },
  dims: { type: 'integerList', default: [256, 256], min: 1, description: 'layer sizes' },
  verbose: { type: 'boolean', default: false, description: 'log more' },
});

describe('parseOptions', () => {
  it('fills defaults and coerces command-line strings', () => {
    expect(parseOptions(schema, { epochs: '10', dims: '128,64', verbose: 'true' })).toEqual({
      epochs: 10,
      lr: 2e-4,
      backend: 'wasm',
      dims: [128, 64],
      verbose: true,
    });
  });

  it('rejects unknown keys, wrong types and out-of-range values with BAD_OPTION', () => {
    for (const bad of [
      { epoch: 3 },
      { epochs: 1.5 },
      { epochs: 0 },
      { backend: 'gpu' },
      { dims: 'a,b' },
      { lr: 'fast' },
    ]) {
      const err = (() => {
        try {
          parseOptions(schema, bad, 'ctgan');
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(SynthkitError);
      expect((err as SynthkitError).code).toBe('BAD_OPTION');
    }
  });

  it('configurePlugin turns chosen values into defaults without touching the original', () => {
    const plugin = { name: 'x', options: schema };
    const configured = configurePlugin(plugin, { epochs: 5 });
    expect(parseOptions(configured.options).epochs).toBe(5);
    expect(parseOptions(plugin.options).epochs).toBe(300);
  });
});
