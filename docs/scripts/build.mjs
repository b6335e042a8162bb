/**
 * Builds the documentation site into docs/.vitepress/dist:
 *   1. the API reference from the TypeScript (TypeDoc -> docs/api),
 *   2. the package pages from the READMEs (docs/packages, docs/examples),
 *   3. the VitePress site (dead internal links fail the build),
 *   4. the studio (apps/demo) into dist/studio/, so the site links to a working demo.
 * `--api-only` stops after 1 and 2 (for `vitepress dev`).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApiReference } from './api-reference.mjs';
import { buildPackagePages } from './package-pages.mjs';

const DOCS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(DOCS, '..');

export async function buildDocs({ apiOnly = false, outDir = join(DOCS, '.vitepress', 'dist') } = {}) {
  const t0 = performance.now();
  buildPackagePages();
  await buildApiReference();
  if (apiOnly) return;
  const { build } = await import('vitepress');
  await build(DOCS, { outDir });
  const vite = await import('vite');
  const studio = join(outDir, 'studio');
  rmSync(studio, { recursive: true, force: true });
  await vite.build({
    root: join(ROOT, 'apps', 'demo'),
    configFile: join(ROOT, 'apps', 'demo', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: studio, emptyOutDir: true },
  });
  console.log(`docs built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${outDir}`);
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDocs({ apiOnly: process.argv.includes('--api-only') });
}
