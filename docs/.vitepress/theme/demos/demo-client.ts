/**
 * The page side of the live demos: one worker for every demo on the page, created on the first
 * run (never during server rendering), and a promise per request.
 */
import type { DemoMessage, DemoRequest, DemoResults } from './protocol';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { status: (text: string) => void; resolve: (r: unknown) => void; reject: (e: Error) => void }
>();

async function demoWorker(): Promise<Worker> {
  if (!worker) {
    const { default: DemoWorker } = await import('./demos.worker?worker');
    worker = new DemoWorker();
    worker.onmessage = (e: MessageEvent<DemoMessage>) => {
      const m = e.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'status') p.status(m.text);
      else {
        pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    };
  }
  return worker;
}

export async function runDemo<R extends DemoRequest>(
  request: R,
  status: (text: string) => void,
): Promise<DemoResults[R['kind']]> {
  const w = await demoWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { status, resolve: resolve as (r: unknown) => void, reject });
    w.postMessage({ id, request });
  });
}
