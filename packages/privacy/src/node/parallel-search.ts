import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SynthkitError } from '@synthkit/core';
import { compareRows, knnKernel, knnLeaf, knnNumeric, knnOffer, knnVisit } from '../neighbours/knn-kernel.js';
import {
  checkSearchInput,
  finishNeighbours,
  type NeighbourSearch,
  prepareReference,
  singleThreadSearch,
} from '../neighbours/search.js';

/**
 * The kernel runs in workers started from its own source text, so the same code serves the
 * TypeScript sources (tests) and the built package, with no worker file to locate on disk.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
${[compareRows, knnOffer, knnNumeric, knnLeaf, knnVisit, knnKernel].map((f) => f.toString()).join('\n')}
parentPort.on('message', (m) => {
  const dist = new Float64Array((m.qEnd - m.qStart) * m.k);
  const idx = new Int32Array((m.qEnd - m.qStart) * m.k);
  knnKernel(m.refCat, m.refNum, m.nRef, m.trie, m.qCat, m.qNum, m.qStart, m.qEnd, m.nCat, m.nNum, m.k, dist, idx);
  parentPort.postMessage({ dist, idx }, [dist.buffer, idx.buffer]);
});
`;

export interface ParallelSearchOptions {
  /** Worker threads to use (default: available cores). 1 runs in this thread. */
  threads?: number;
  /** Below this many query × reference pairs the search stays in this thread (worker start-up costs ~30 ms). */
  minPairs?: number;
}

/**
 * Exact nearest-neighbour search split over worker threads by query rows. Reference and query
 * arrays are shared with the workers through SharedArrayBuffer (no copy per worker).
 */
export function parallelSearch(options: ParallelSearchOptions = {}): NeighbourSearch {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const minPairs = options.minPairs ?? 4_000_000;
  return {
    name: `worker-threads(${threads})`,
    async knn(space, reference, query, k, signal) {
      if (threads === 1 || reference.nRows * query.nRows < minPairs)
        return singleThreadSearch.knn(space, reference, query, k, signal);
      checkSearchInput(space, reference, k);
      const ref = prepareReference(space, reference);
      const shared = {
        refCat: share(ref.cat),
        refNum: share(ref.num),
        qCat: share(query.cat),
        qNum: share(query.num),
        trie: {
          rootCount: ref.trie.rootCount,
          code: share(ref.trie.code),
          start: share(ref.trie.start),
          end: share(ref.trie.end),
          firstChild: share(ref.trie.firstChild),
          childCount: share(ref.trie.childCount),
        },
      };
      const dist = new Float64Array(query.nRows * k);
      const idx = new Int32Array(query.nRows * k);
      // more chunks than threads so a slow chunk does not leave a core idle
      const chunks = Math.min(query.nRows, threads * 4);
      const bounds = Array.from({ length: chunks + 1 }, (_, i) => Math.round((i * query.nRows) / chunks));
      let next = 0;
      const workers = Array.from(
        { length: Math.min(threads, chunks) },
        () => new Worker(workerSource, { eval: true }),
      );
      try {
        await Promise.all(
          workers.map(async (w) => {
            for (;;) {
              if (signal?.aborted) throw new SynthkitError('ABORTED', 'Nearest-neighbour search aborted');
              const c = next++;
              if (c >= chunks) return;
              const qStart = bounds[c]!;
              const qEnd = bounds[c + 1]!;
              const out = await run(w, {
                ...shared,
                nRef: ref.nRows,
                qStart,
                qEnd,
                nCat: space.nCat,
                nNum: space.nNum,
                k,
              });
              dist.set(out.dist, qStart * k);
              idx.set(out.idx, qStart * k);
            }
          }),
        );
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
      return finishNeighbours(space, ref, k, dist, idx);
    },
  };
}

function share<T extends Int32Array | Float64Array>(a: T): T {
  const buf = new SharedArrayBuffer(a.byteLength);
  const out = (a instanceof Int32Array ? new Int32Array(buf) : new Float64Array(buf)) as T;
  out.set(a);
  return out;
}

function run(w: Worker, message: Record<string, unknown>): Promise<{ dist: Float64Array; idx: Int32Array }> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { dist: Float64Array; idx: Int32Array }) => {
      w.off('error', onError);
      resolve(m);
    };
    const onError = (e: Error) => {
      w.off('message', onMessage);
      reject(new SynthkitError('INTERNAL', `Nearest-neighbour worker failed: ${e.message}`, { cause: e }));
    };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(message);
  });
}
