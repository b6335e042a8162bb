import { isSynthkitError, SynthkitError } from '../errors/synthkit-error.js';

export function abortedError(signal: AbortSignal): SynthkitError {
  const reason = signal.reason instanceof Error ? `: ${signal.reason.message}` : '';
  return new SynthkitError('ABORTED', `Stopped on request${reason}`, { cause: signal.reason });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal);
}

/**
 * Settles as soon as `signal` aborts, even if `work` (plugin code) never looks at the signal, so a
 * caller is answered promptly; a plugin's own errors are turned into SynthkitErrors naming the step.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal!));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortedError(signal) : asSynthkitError(e, what));
      },
    );
  });
}

/** Errors from plugin code become INTERNAL SynthkitErrors that say where they came from. */
export function asSynthkitError(e: unknown, what: string): SynthkitError {
  if (isSynthkitError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new SynthkitError('INTERNAL', `${what} failed: ${message}`, {
    hint: 'This is a bug in the generator plugin; report it with the input that triggers it',
    cause: e,
  });
}
