/**
 * What a visitor downloads for the copula path: the page, its script and styles, and the worker.
 * tfjs, the wasm binaries and the full ECharts build (for the downloadable report) are separate
 * chunks loaded only when asked for, so they are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly files: readonly { name: string; bytes: number; gzip: number }[];
  readonly gzip: number;
}

export function copulaPathSize(outDir: string): BundleSize {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(outDir, 'assets'));
  const names = new Set(['index.html', ...entry]);
  // The worker and any chunk the entry or worker import statically.
  const pending = [...entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const a of assets) {
      const path = `assets/${a}`;
      if (names.has(path) || !a.endsWith('.js')) continue;
      const worker = a.startsWith('studio.worker-') && code.includes(a);
      const staticImport = new RegExp(`(?:import|from)\\s*["'][^"']*${a.replace(/\./g, '\\.')}["']`).test(
        code,
      );
      if (worker || staticImport) {
        names.add(path);
        pending.push(path);
      }
    }
  }
  const files = [...names].map((name) => {
    const bytes = readFileSync(join(outDir, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
