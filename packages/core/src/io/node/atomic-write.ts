import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isSynthkitError, SynthkitError } from '../../errors/synthkit-error.js';

export type FileData =
  | string
  | Uint8Array
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>;

const FLUSH = 1 << 20;

/**
 * Writes a file so that it is either complete or absent: data goes to a temporary file in the same
 * directory (same file system, so the final rename is atomic), which is flushed to disk and renamed
 * over `path`. On any error, including one thrown by the data stream midway, the temporary file is
 * removed and `path` is left as it was.
 */
export async function writeFileAtomic(path: string, data: FileData): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(tmp, 'wx');
    if (typeof data === 'string') await fh.write(data);
    else if (data instanceof Uint8Array) await fh.write(data);
    else {
      // Small chunks are gathered so the file is written in ~1 MB pieces.
      let pending: string[] = [];
      let size = 0;
      const flush = async (): Promise<void> => {
        if (pending.length > 0) await fh!.write(pending.join(''));
        pending = [];
        size = 0;
      };
      for await (const chunk of data as AsyncIterable<string | Uint8Array>) {
        if (typeof chunk === 'string') {
          pending.push(chunk);
          size += chunk.length;
          if (size >= FLUSH) await flush();
        } else {
          await flush();
          await fh.write(chunk);
        }
      }
      await flush();
    }
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
  } catch (e) {
    if (fh !== undefined) await fh.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    if (isSynthkitError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SynthkitError('IO_ERROR', `Could not write ${path}: ${(e as Error).message}`, {
      hint:
        code === 'ENOENT'
          ? 'Create the output directory first'
          : code === 'EACCES' || code === 'EPERM'
            ? 'Check the permissions of the output directory'
            : code === 'ENOSPC'
              ? 'Free some disk space'
              : 'Check the output path',
      cause: e,
    });
  }
}
