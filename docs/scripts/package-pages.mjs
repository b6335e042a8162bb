/**
 * Turns every package README into a docs page (docs/packages/<name>.md), and the CART plugin
 * example's README into docs/examples/synthkit-plugin-cart/index.md, so the site carries each
 * package's full reference (options tables, supported / not supported) from one source. Links
 * between READMEs are rewritten to the pages; links to other repository files become plain code
 * paths (the site does not serve the repository).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = join(ROOT, 'docs');

export const PACKAGES = [
  'core',
  'copula',
  'neural',
  'gan',
  'vae',
  'diffusion',
  'evaluate',
  'privacy',
  'report',
  'cli',
];

/** Rewrites one README's links for a page at `pageDir` (relative to docs/), from README folder `from`. */
function rewriteLinks(markdown, from, pageDir) {
  const up = pageDir === '' ? './' : '../'.repeat(pageDir.split('/').length);
  return markdown.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (all, bang, text, target) => {
    if (bang || /^(https?:|mailto:|#)/.test(target)) return all;
    const [path, hash = ''] = target.split('#');
    const anchor = hash ? `#${hash}` : '';
    const abs = join(from, path)
      .replace(/\/$/, '')
      .replace(/\/README\.md$/, '');
    const rel = abs.slice(ROOT.length).replace(/^\//, '');
    const pkg = /^packages\/([\w-]+)$/.exec(rel);
    if (pkg && PACKAGES.includes(pkg[1])) return `[${text}](${up}packages/${pkg[1]}.md${anchor})`;
    if (rel === 'examples/synthkit-plugin-cart')
      return `[${text}](${up}examples/synthkit-plugin-cart/index.md${anchor})`;
    if (rel === 'docs/guide/plugins.md') return `[${text}](${up}guide/plugins.md${anchor})`;
    if (rel === 'README.md') return `[${text}](${up}guide/getting-started.md${anchor})`;
    return `${text} (\`${rel}\`)`;
  });
}

/** Vue would read `{{ }}` in prose as template syntax; code blocks are already escaped by VitePress. */
const escapeMustache = (md) =>
  md
    .split(/(```[\s\S]*?```)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\{\{/g, '&#123;&#123;')))
    .join('');

function page(readme, from, pageDir, note) {
  const text = readFileSync(readme, 'utf8');
  return `${escapeMustache(rewriteLinks(text, from, pageDir)).trimEnd()}\n\n---\n\n<small>${note}</small>\n`;
}

export function buildPackagePages() {
  rmSync(join(DOCS, 'packages'), { recursive: true, force: true });
  rmSync(join(DOCS, 'examples'), { recursive: true, force: true });
  mkdirSync(join(DOCS, 'packages'), { recursive: true });
  for (const name of PACKAGES) {
    const dir = join(ROOT, 'packages', name);
    writeFileSync(
      join(DOCS, 'packages', `${name}.md`),
      page(
        join(dir, 'README.md'),
        dir,
        'packages',
        `This page is <code>packages/${name}/README.md</code>, rendered into the site.`,
      ),
    );
  }
  const cart = join(ROOT, 'examples', 'synthkit-plugin-cart');
  mkdirSync(join(DOCS, 'examples', 'synthkit-plugin-cart'), { recursive: true });
  writeFileSync(
    join(DOCS, 'examples', 'synthkit-plugin-cart', 'index.md'),
    page(
      join(cart, 'README.md'),
      cart,
      'examples/synthkit-plugin-cart',
      'This page is <code>examples/synthkit-plugin-cart/README.md</code>, rendered into the site.',
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildPackagePages();
