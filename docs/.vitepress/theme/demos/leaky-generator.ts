/**
 * A deliberately bad generator for the privacy demo: it "samples" by replaying random training
 * rows, i.e. it memorises its input. The attacks must flag it; a real generator must not be.
 */
import type { FittedModel, GeneratorPlugin, ViewColumn, ViewTable } from '@synthkit/core';

export function replayTrainingRows(): GeneratorPlugin {
  return {
    kind: 'generator',
    name: 'replay-training-rows',
    version: '0.0.0',
    description: 'Copies training rows (a memorising generator, for demonstrations only)',
    options: {},
    supports: { conditions: 'none' },
    async fit(view: ViewTable) {
      return replay(view.columns, view.nRows);
    },
    load() {
      throw new Error('The replay demo generator is not saved');
    },
  };
}

function replay(columns: readonly ViewColumn[], nRows: number): FittedModel {
  return {
    async *sample(n, ctx) {
      for (let done = 0; done < n; ) {
        const size = Math.min(ctx.batchSize, n - done);
        const rows = Int32Array.from({ length: size }, () => ctx.rng.int(nRows));
        const out = columns.map((c) =>
          c.kind === 'continuous'
            ? {
                kind: 'continuous' as const,
                name: c.name,
                values: Float64Array.from(rows, (r) => c.values[r]!),
              }
            : {
                kind: 'discrete' as const,
                name: c.name,
                labels: c.labels,
                codes: Int32Array.from(rows, (r) => c.codes[r]!),
              },
        );
        done += size;
        yield { nRows: size, columns: out };
      }
    },
    save: () => ({ json: null, arrays: {} }),
  };
}
