import { runGeneratorConformance } from '@synthkit/core/conformance';
import { expect, it } from 'vitest';
import { cart, cartGenerator } from '../src/index.js';

it('passes the synthkit generator conformance suite', async () => {
  const passed = await runGeneratorConformance(cartGenerator);
  // the plugin claims 'all' conditions, so the suite checks it honours them itself
  expect(passed).toContain('claimed conditions ("all") are honoured by the generator itself');
  expect(passed).toContain('save/load gives identical samples');
  expect(passed).toContain('the model never stores id or PII values');
});

it('passes it too without smoothing and with large leaves', async () => {
  await runGeneratorConformance(cart({ smoothing: 'none', minLeaf: 30 }));
});
