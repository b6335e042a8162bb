/**
 * The docs' live demos run here, off the page's main thread (the page stays responsive while a
 * model is fitted or audited). One request at a time per message id.
 */
import { conditionalDemo } from './conditional-demo';
import { copulaDemo } from './copula-demo';
import { privacyDemo } from './privacy-demo';
import type { DemoMessage, DemoRequest } from './protocol';

const scope = globalThis as unknown as Worker;
const post = (m: DemoMessage): void => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<{ id: number; request: DemoRequest }>) => {
  const { id, request: r } = e.data;
  const status = (text: string) => post({ id, type: 'status', text });
  try {
    const result =
      r.kind === 'copula'
        ? await copulaDemo(r.rows, r.seed, status)
        : r.kind === 'conditional'
          ? await conditionalDemo(r.sex, r.minAge, r.maxAge, status)
          : await privacyDemo(status);
    post({ id, type: 'result', result });
  } catch (err) {
    post({ id, type: 'error', message: (err as Error).message ?? String(err) });
  }
};
