/**
 * Checks every internal link of a built site: each `<a href>` on each page must name a file of the
 * site, and its `#anchor` (if any) an element id on that page. External links are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

export interface BrokenLink {
  readonly page: string;
  readonly href: string;
  readonly reason: string;
}

export interface LinkCheck {
  readonly pages: number;
  readonly links: number;
  readonly broken: readonly BrokenLink[];
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function htmlPages(dir: string, skip: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skip.includes(name)) continue;
    if (statSync(path).isDirectory()) out.push(...htmlPages(path, []));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The file a site path is served from: folders by their index.html, clean URLs by `.html`. */
function fileFor(root: string, pathname: string): string | undefined {
  const path = join(root, decodeURIComponent(pathname));
  if (pathname.endsWith('/'))
    return existsSync(join(path, 'index.html')) ? join(path, 'index.html') : undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (extname(path) === '' && existsSync(`${path}.html`)) return `${path}.html`;
  if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  return undefined;
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    idsCache.set(file, ids);
  }
  return ids;
}

/** `skip`: top-level folders of the site that are not documentation pages (e.g. a bundled app). */
export function checkInternalLinks(root: string, skip: readonly string[] = []): LinkCheck {
  idsCache.clear();
  const broken: BrokenLink[] = [];
  const pages = htmlPages(root, skip);
  let links = 0;
  for (const file of pages) {
    const page = `/${relative(root, file)}`;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      if (EXTERNAL.test(href)) continue;
      links++;
      const url = new URL(href, `http://site${page}`);
      const target = fileFor(root, url.pathname);
      if (!target) {
        broken.push({ page, href, reason: `no file for ${url.pathname}` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor))
        broken.push({ page, href, reason: `no id "${anchor}" in /${relative(root, target)}` });
    }
  }
  return { pages: pages.length, links, broken };
}
