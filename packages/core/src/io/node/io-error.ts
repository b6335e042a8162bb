import { isSynthkitError, SynthkitError } from '../../errors/synthkit-error.js';

/** A Node system error: what fs and streams throw (`code` such as ENOENT, `syscall` such as open). */
export interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

export function isSystemError(e: unknown): e is SystemError {
  return (
    e instanceof Error &&
    typeof (e as { code?: unknown }).code === 'string' &&
    /^E[A-Z0-9]+$/.test((e as unknown as { code: string }).code)
  );
}

/** What a user can do about each system error, as one sentence. */
const HINTS: Readonly<Record<string, string>> = {
  ENOENT: 'Check the path (relative paths start from the current directory)',
  ENOTDIR: 'A part of the path is a file, not a folder: check the path',
  EISDIR: 'The path is a folder: give a file name inside it',
  EACCES: 'Check the permissions of the file and its folder, or choose another path',
  EPERM: 'Check the permissions of the file and its folder, or choose another path',
  EROFS: 'The file system is read-only: choose a path on a writable disk',
  ENOSPC: 'The disk is full: free some space or write elsewhere',
  EDQUOT: 'The disk quota is used up: free some space or write elsewhere',
  EEXIST: 'Remove the existing file or choose another path',
  EMFILE: 'Too many open files: raise the limit (ulimit -n) or close other programs',
  ENAMETOOLONG: 'Use a shorter path',
  ENXIO: 'Nothing is reading from this socket or device: choose a regular file',
  EBUSY: 'The file is in use by another program: try again or choose another path',
  ELOOP: 'The path has a symbolic link loop: check the links',
};

/**
 * Wraps a Node system error (or anything else thrown by fs) into an IO_ERROR that names the path,
 * what was being done, and what to do. SynthkitErrors pass through unchanged.
 */
export function ioError(action: string, path: string, e: unknown, hint?: string): SynthkitError {
  if (isSynthkitError(e)) return e;
  const code = isSystemError(e) ? e.code : undefined;
  const reason = code ? `${code}: ${describe(code, e as Error)}` : String((e as Error)?.message ?? e);
  return new SynthkitError('IO_ERROR', `Cannot ${action} ${path} (${reason})`, {
    hint: hint ?? (code ? HINTS[code] : undefined) ?? 'Check the path and its permissions',
    cause: e,
  });
}

/** A system error thrown anywhere (a stream, a late write) as an IO_ERROR, using the path it names. */
export function fromSystemError(e: SystemError): SynthkitError {
  const action = e.syscall === 'open' || e.syscall === 'write' || e.syscall === 'read' ? e.syscall : 'access';
  return ioError(action, e.path ?? 'a file', e);
}

function describe(code: string, e: Error): string {
  // Node's message repeats the code and the path ("ENOENT: no such file or directory, open 'x'").
  const m = /^[A-Z0-9]+: ([^,]+)/.exec(e.message);
  return m ? m[1]! : e.message || code;
}
