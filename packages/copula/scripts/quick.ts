import { Rng } from '@synthkit/core';
import { fitCopula } from '../src/fit.js';
import { ADULT, viewOfCsv } from '../test/adult-view.js';

const view = viewOfCsv(ADULT);
const ctx = { rng: new Rng(1), progress: () => {} };
const cpu = (f: () => void) => {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const u = process.cpuUsage(c);
  return `wall ${(performance.now() - t).toFixed(0)} cpu ${((u.user + u.system) / 1000).toFixed(0)}`;
};
let model = fitCopula(view, 'auto', ctx);
for (let r = 0; r < 3; r++) console.log('fit', cpu(() => { model = fitCopula(view, 'auto', ctx); }));
for (let r = 0; r < 3; r++)
  console.log('sample 1M', cpu(() => {
    for (const b of model.sampleSync(1_000_000, { rng: new Rng(2), conditions: [], batchSize: 65536, progress: () => {} })) void b;
  }));
