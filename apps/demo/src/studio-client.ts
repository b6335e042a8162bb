/**
 * The page's side of the worker: sends commands, dispatches events, and cancels. A cancel first
 * asks the worker to abort (generators check the signal between steps); if the worker is inside a
 * long synchronous step and does not answer within CANCEL_GRACE_MS, it is replaced by a fresh one
 * and the last input is loaded again, so Cancel always works.
 */
import type { Command, Event, GenerateRequest, Source } from './worker/protocol.js';
import StudioWorker from './worker/studio.worker.ts?worker';

const CANCEL_GRACE_MS = 1500;

export type Listener = (e: Event) => void;

export class StudioClient {
  private worker: Worker;
  private lastSource: Source | undefined;
  private cancelTimer: ReturnType<typeof setTimeout> | undefined;
  private silentReload = false;

  constructor(private readonly listener: Listener) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = new StudioWorker();
    w.onmessage = (m: MessageEvent<Event>) => this.receive(m.data);
    w.onerror = (e) => {
      e.preventDefault();
      this.listener({
        type: 'error',
        during: 'generate',
        error: {
          code: 'INTERNAL',
          message: `The worker stopped: ${e.message || 'unknown error'}`,
          hint: 'Reload the page.',
        },
      });
    };
    return w;
  }

  private receive(e: Event): void {
    if (e.type === 'cancelled' || e.type === 'generated' || (e.type === 'error' && e.during === 'generate')) {
      clearTimeout(this.cancelTimer);
      this.cancelTimer = undefined;
    }
    if (this.silentReload && (e.type === 'loaded' || (e.type === 'error' && e.during === 'load'))) {
      this.silentReload = false; // the replacement worker has the table again; the page already shows it
      if (e.type === 'loaded') return;
    }
    this.listener(e);
  }

  private send(c: Command): void {
    this.worker.postMessage(c);
  }

  load(source: Source): void {
    this.lastSource = source;
    this.send({ type: 'load', source });
  }

  generate(request: GenerateRequest): void {
    this.send({ type: 'generate', request });
  }

  reportHtml(): void {
    this.send({ type: 'report-html' });
  }

  cancel(): void {
    this.send({ type: 'cancel' });
    clearTimeout(this.cancelTimer);
    this.cancelTimer = setTimeout(() => {
      this.worker.terminate();
      this.worker = this.spawn();
      if (this.lastSource) {
        this.silentReload = true;
        this.send({ type: 'load', source: this.lastSource });
      }
      this.listener({ type: 'cancelled' });
    }, CANCEL_GRACE_MS);
  }
}
