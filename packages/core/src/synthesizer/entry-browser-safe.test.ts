import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

/** Every module reachable from `entry` by static or dynamic import, and the packages it imports. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(join(src, entry));
  return { files, packages };
}

describe('the main entry', () => {
  it('imports nothing from Node (node: modules stay behind @synthkit/core/node)', () => {
    const { files, packages } = reachable('index.ts');
    expect(files.size).toBeGreaterThan(50);
    const builtins = new Set(builtinModules);
    const nodeOnly = [...packages].filter((p) => p.startsWith('node:') || builtins.has(p.split('/')[0]!));
    expect(nodeOnly).toEqual([]);
    expect(
      [...files].filter((f) => f.includes(`${join('io', 'node')}`) || f.endsWith('load-plugins.ts')),
    ).toEqual([]);
  });

  it('is what the node entry adds to', () => {
    const { packages } = reachable('node.ts');
    expect([...packages].some((p) => p.startsWith('node:'))).toBe(true);
  });
});
