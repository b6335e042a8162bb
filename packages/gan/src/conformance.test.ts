import { runGeneratorConformance } from '@synthkit/core/conformance';
import { describe, expect, it } from 'vitest';
import { ctgan } from './plugin.js';

describe('ctgan conformance', () => {
  it('meets the generator contract (shapes, conditions, determinism, save/load) through the Synthesizer', async () => {
    const options = {
      epochs: 1,
      batchSize: 60,
      pac: 6,
      embeddingDim: 8,
      generatorDim: [16],
      discriminatorDim: [16],
      backend: 'cpu',
    };
    const passed = await runGeneratorConformance(ctgan(options), { options, rows: 120 });
    expect(passed.length).toBeGreaterThan(3);
  });
});
