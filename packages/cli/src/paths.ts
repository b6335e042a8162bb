import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SynthkitError } from '@synthkit/core';
import { ensureParentDir, ioError } from '@synthkit/core/node';
import { UsageError } from './failure.js';

/** A file a command reads or writes, with the flag that named it (for messages). */
export interface PathUse {
  flag: string;
  path: string | undefined;
}

/**
 * Checks every path of a command before any work: no output may be the same file as an input or
 * another output (USAGE), and every output must be writable (IO_ERROR naming it). Missing output
 * folders are created here, as the writers would. `-` (stdout) and devices/FIFOs are left out.
 */
export async function preparePaths(inputs: readonly PathUse[], outputs: readonly PathUse[]): Promise<void> {
  const outs = await keyed(outputs);
  const ins = await keyed(inputs);
  for (let i = 0; i < outs.length; i++) {
    const o = outs[i]!;
    if (o.special) continue;
    for (const other of [...outs.slice(0, i), ...ins]) {
      if (other.special || other.key !== o.key) continue;
      const role = ins.includes(other) ? 'input' : 'output';
      throw new PathCollision(
        `${o.flag} ${o.path} is the same file as the ${role} ${other.flag === '' ? other.path : `${other.flag} ${other.path}`}`,
        o.key,
      );
    }
  }
  for (const o of outs) if (!o.special) await checkWritable(o.flag, o.path);
}

/** Two of a command's files are one: refused before any work, and nothing is written to that file. */
export class PathCollision extends UsageError {
  constructor(
    message: string,
    /** The real path both name. */
    readonly file: string,
  ) {
    super(message, 'Writing it would destroy the other file: give each output its own path');
  }
}

/** Outputs found unwritable up front, by the error reported. */
const unwritable = new WeakMap<object, string>();

/**
 * Whether a failure's `{"error": …}` must not be written to `path` (--json): it names the file a
 * collision was about (writing would destroy it), or the file found unwritable (it would fail again).
 */
export async function keepJsonAway(e: unknown, path: string | undefined): Promise<boolean> {
  if (path === undefined || path === '-') return false;
  if (typeof e === 'object' && e !== null && unwritable.get(e) === path) return true;
  return e instanceof PathCollision && (await canonical(path)) === e.file;
}

interface Keyed {
  flag: string;
  path: string;
  key: string;
  /** A device or FIFO: writing it is harmless to other files, so it is never a collision. */
  special: boolean;
}

async function keyed(uses: readonly PathUse[]): Promise<Keyed[]> {
  const out: Keyed[] = [];
  for (const u of uses) {
    if (u.path === undefined || u.path === '-') continue;
    const s = await stat(u.path).catch(() => undefined);
    out.push({
      flag: u.flag,
      path: u.path,
      key: await canonical(u.path),
      special: s !== undefined && !s.isFile() && !s.isDirectory(),
    });
  }
  return out;
}

/** The real path of a file, or for one not yet there, its real parent joined with its name. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(await canonical(parent), basename(abs));
  }
}

/**
 * The output is not a folder, its folder exists (created if needed), and a file can be created in
 * that folder, which the atomic writer needs even to replace a writable file. A probe file is created
 * and removed, since access(W_OK) alone says yes to root on /proc or /sys, where nothing can be made.
 */
async function checkWritable(flag: string, path: string): Promise<void> {
  const s = await stat(path).catch(() => undefined);
  if (s?.isDirectory())
    throw new SynthkitError('IO_ERROR', `Cannot write ${flag} ${path}: it is a folder`, {
      hint: `Give a file name inside it, e.g. ${flag} ${join(path, 'out.csv')}`,
    });
  await ensureParentDir(path);
  const dir = dirname(await canonical(path));
  const probe = join(dir, `.synthkit-probe-${randomUUID().slice(0, 8)}.tmp`);
  try {
    if (s) await access(path, constants.W_OK);
    await (await open(probe, 'wx')).close();
  } catch (e) {
    const err = ioError('write', `${flag} ${path}`, e);
    unwritable.set(err, path);
    throw err;
  }
  await rm(probe, { force: true });
}
