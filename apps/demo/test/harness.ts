/**
 * Builds the demo with Vite into a temp folder, serves it on 127.0.0.1 with a tiny static server
 * and opens Debian's Chromium through playwright-core. No browser download: a missing
 * /usr/bin/chromium fails the suite.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const DEMO_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * Runs a build as production. Vite bakes `process.env.NODE_ENV` into the bundle when it is set, and
 * vitest sets it to 'test': the dependencies' development branches would then be shipped and the
 * measured bundle would not be the one a visitor downloads.
 */
export async function asProduction<T>(build: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build();
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export async function buildDemo(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'synthkit-demo-'));
  const { build } = await import('vite');
  await asProduction(() =>
    build({
      root: DEMO_DIR,
      configFile: join(DEMO_DIR, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    }),
  );
  return outDir;
}

export function serveStatic(
  root: string,
): Promise<{ url: string; close: () => Promise<void>; requests: string[] }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); this test never downloads a browser`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Collects what must never happen in a page: uncaught errors, and requests to anything but
 * 127.0.0.1 (refused: the data and the code never leave the machine).
 */
export async function watchPage(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      errors.push(`request to ${route.request().url()}`);
      return route.abort();
    },
  );
  return errors;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
