import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { type FileHandle, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isSynthkitError } from '../../errors/synthkit-error.js';
import { ioError } from './io-error.js';

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
 *
 * A symbolic link is followed: the temporary file sits next to its target, which is replaced, so the
 * link stays a link. A path that exists and is not a regular file (a FIFO, `/dev/stdout`, `/dev/null`,
 * a character device) is written directly, since renaming over it would replace the device with a
 * plain file.
 */
export async function writeFileAtomic(path: string, data: FileData): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await statOrUndefined(target);
  if (existing?.isDirectory())
    throw ioError('write', path, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  if (existing !== undefined && !existing.isFile()) return writeDirect(path, target, data);

  const tmp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  let fh: FileHandle | undefined;
  try {
    fh = await open(tmp, 'wx');
    // Replacing a file keeps its permissions (a script's executable bit, a private 0600 file).
    if (existing) await fh.chmod(existing.mode & 0o7777);
    await writeData(fh, data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, target);
  } catch (e) {
    if (fh !== undefined) await fh.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    throw isSynthkitError(e) ? e : ioError('write', path, e, hintFor(e));
  }
}

/** Devices and pipes: opened for writing as they are (no temp file, no fsync, which they refuse). */
async function writeDirect(path: string, target: string, data: FileData): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(target, 'w');
    await writeData(fh, data);
  } catch (e) {
    throw isSynthkitError(e) ? e : ioError('write', path, e, hintFor(e));
  } finally {
    await fh?.close().catch(() => {});
  }
}

async function writeData(fh: FileHandle, data: FileData): Promise<void> {
  if (typeof data === 'string') {
    await fh.write(data);
    return;
  }
  if (data instanceof Uint8Array) {
    await fh.write(data);
    return;
  }
  // Small chunks are gathered so the file is written in ~1 MB pieces.
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length > 0) await fh.write(pending.join(''));
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

/** The file a path finally names: symbolic links followed, even a dangling one (its target is created). */
async function resolveTarget(path: string): Promise<string> {
  let link: Stats;
  try {
    link = await lstat(path);
  } catch {
    return path;
  }
  if (!link.isSymbolicLink()) return path;
  try {
    return await realpath(path);
  } catch {
    // Dangling: resolve link by link until a name that does not exist yet.
    let p = path;
    for (let hops = 0; hops < 40; hops++) {
      let s: Stats;
      try {
        s = await lstat(p);
      } catch {
        return p;
      }
      if (!s.isSymbolicLink()) return p;
      p = resolve(dirname(p), await readlink(p));
    }
    throw ioError('write', path, Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' }));
  }
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

function hintFor(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'Create the output directory first'
    : (e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM'
      ? 'Check the permissions of the output directory'
      : undefined;
}
