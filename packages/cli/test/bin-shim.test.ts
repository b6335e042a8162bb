import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './run-cli.js';

const SHIM = fileURLToPath(new URL('../bin/synthkit.js', import.meta.url));
const PKG = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('the committed bin shim', () => {
  it('is what npm links, and runs the built CLI', () => {
    expect(PKG.bin.synthkit).toBe('./bin/synthkit.js');
    expect(readFileSync(SHIM, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const r = spawnSync(process.execPath, [SHIM, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('says to build when dist/ is missing (a fresh clone after npm ci)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(SHIM, join(dir, 'bin', 'synthkit.js'));
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'synthkit.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^synthkit: the CLI is not built yet .*run npm run build/);
  });
});
