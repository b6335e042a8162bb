import { SynthkitError } from '../errors/synthkit-error.js';
import type { CsvInput } from './csv-options.js';

const SLICE = 1 << 20;

/**
 * Any accepted input as decoded text pieces. Byte input is decoded as a stream (a multi-byte
 * character split across chunks survives); a leading BOM is kept in the text for the caller to see.
 * Big strings are cut into 1 MB slices so the reader never works on more than it must.
 */
export async function* textChunks(input: CsvInput, encoding = 'utf-8'): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const decode = (bytes: Uint8Array, last: boolean): string => {
    if (decoder === undefined) {
      try {
        decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      } catch (cause) {
        throw new SynthkitError('BAD_OPTION', `Unknown text encoding "${encoding}"`, {
          hint: "Use a WHATWG encoding label such as 'utf-8', 'latin1' or 'windows-1252'",
          cause,
        });
      }
    }
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch (cause) {
      throw new SynthkitError('PARSE_ERROR', `The input is not valid ${encoding} text`, {
        hint: "Pass the file's encoding (encoding: 'latin1' or 'windows-1252', for example), or convert it to UTF-8",
        cause,
      });
    }
  };
  if (typeof input === 'string') {
    for (let s = 0; s < input.length; s += SLICE) yield input.slice(s, s + SLICE);
    return;
  }
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (input instanceof Uint8Array) {
    for (let s = 0; s < input.length; s += SLICE) {
      const text = decode(input.subarray(s, s + SLICE), s + SLICE >= input.length);
      if (text) yield text;
    }
    return;
  }
  const source = isReadableStream(input) ? readerIterable(input) : input;
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      if (chunk) yield chunk;
    } else {
      const text = decode(chunk, false);
      if (text) yield text;
    }
  }
  if (decoder !== undefined) {
    const tail = decode(new Uint8Array(0), true);
    if (tail) yield tail;
  }
}

function isReadableStream(x: unknown): x is ReadableStream<string | Uint8Array> {
  return (
    typeof (x as { getReader?: unknown }).getReader === 'function' && !(Symbol.asyncIterator in (x as object))
  );
}

async function* readerIterable<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
