import type { FileData } from '@synthkit/core/node';

/**
 * Writes data to stdout (`--out -`), waiting for the reader when the pipe is full. A reader that
 * goes away (`| head -1`) makes this reject with EPIPE, which stops sampling; main() exits quietly.
 */
export async function writeStdout(data: FileData, stream: NodeJS.WritableStream = process.stdout) {
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const onError = (e: Error) => {
    failed = e;
    wake?.();
  };
  stream.on('error', onError);
  try {
    const chunks =
      typeof data === 'string' || data instanceof Uint8Array
        ? [data]
        : (data as AsyncIterable<string | Uint8Array>);
    for await (const chunk of chunks) {
      if (failed) throw failed;
      if (!stream.write(chunk))
        await new Promise<void>((done) => {
          wake = done;
          stream.once('drain', done);
        });
      if (failed) throw failed;
    }
  } finally {
    stream.off('error', onError);
  }
}
