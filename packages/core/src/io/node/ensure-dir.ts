import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isSynthkitError, SynthkitError } from '../../errors/synthkit-error.js';
import { ioError } from './io-error.js';

/**
 * Creates the folder a file will be written into, as users expect of `--out out/synthetic.csv`.
 * It walks up to the nearest existing ancestor and creates the missing folders one by one, without
 * `recursive: true`: Node's recursive mkdir loops forever on file systems that refuse new entries
 * with ENOENT (procfs, `/proc/nope/x.csv`). Any failure is an IO_ERROR naming the folder.
 */
export async function ensureParentDir(path: string): Promise<void> {
  const missing: string[] = [];
  let dir = dirname(resolve(path));
  for (;;) {
    try {
      const s = await stat(dir);
      if (!s.isDirectory())
        throw new SynthkitError('IO_ERROR', `Cannot write ${path}: ${dir} is a file, not a folder`, {
          hint: 'Choose an output path inside a folder',
        });
      break;
    } catch (e) {
      if (isSynthkitError(e)) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: an ancestor is a file; walking on up finds it and says so.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw ioError('use folder', dir, e);
      missing.push(dir);
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await isDirectory(d))) continue;
      throw ioError(
        'create folder',
        d,
        e,
        `Could not create the output folder for ${path}: create it yourself or choose a path in a writable folder`,
      );
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
