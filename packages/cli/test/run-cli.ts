import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, run as a user runs it (npm test builds before testing). */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
export const DATA = (name: string) => fileURLToPath(new URL(`../../../data/${name}`, import.meta.url));

export function synthkit(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'synthkit-cli-'));
}
