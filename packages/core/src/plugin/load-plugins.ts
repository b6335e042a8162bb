import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SynthkitError } from '../errors/synthkit-error.js';
import type { Registry } from './registry.js';
import type { Plugin } from './types.js';

/** Export conditions a plugin's package.json may route through (never '@synthkit/source', which is TypeScript). */
const CONDITIONS = new Set(['node', 'import', 'default']);

/**
 * Imports plugins by package name (`synthkit-plugin-cart`, resolved from `cwd`'s node_modules) or
 * path (`./examples/x`, a file or a package folder), and registers them. A module may export a
 * plugin, an array of plugins or a factory returning either as its default export, or a named
 * `plugins` array.
 */
export async function loadPlugins(
  specifiers: readonly string[],
  registry: Registry,
  options: { cwd?: string } = {},
): Promise<Plugin[]> {
  const cwd = options.cwd ?? process.cwd();
  const loaded: Plugin[] = [];
  for (const spec of specifiers) {
    const entry = resolveEntry(spec, cwd);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    } catch (cause) {
      throw new SynthkitError(
        'BAD_PLUGIN',
        `Plugin "${spec}" could not be imported: ${(cause as Error).message}`,
        {
          hint: `Check that ${entry} is built JavaScript and its dependencies are installed`,
          cause,
        },
      );
    }
    const plugins = pluginsOf(mod, spec).map((p) => checkPlugin(p, spec));
    registry.add(...plugins);
    loaded.push(...plugins);
  }
  return loaded;
}

function resolveEntry(spec: string, cwd: string): string {
  const isPath = spec.startsWith('.') || isAbsolute(spec) || spec.startsWith('file:');
  if (isPath) {
    const path = spec.startsWith('file:') ? new URL(spec).pathname : resolve(cwd, spec);
    if (!existsSync(path))
      throw new SynthkitError('PLUGIN_NOT_FOUND', `No plugin file or folder at ${path}`, {
        hint: 'Check the path (relative paths start from the working directory or the config file)',
      });
    return statSync(path).isDirectory() ? packageEntry(path, '.', spec) : path;
  }
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const subpath = spec === name ? '.' : `.${spec.slice(name.length)}`;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', name);
    if (existsSync(join(pkg, 'package.json'))) return packageEntry(pkg, subpath, spec);
    if (dirname(dir) === dir) break;
  }
  throw new SynthkitError('PLUGIN_NOT_FOUND', `Plugin package "${name}" is not installed`, {
    hint: `Install it (npm install ${name}) in ${cwd} or a parent folder, or give a path like ./plugins/x.js`,
  });
}

/** The file a package folder exposes for `subpath`, following package.json "exports" like Node does. */
function packageEntry(dir: string, subpath: string, spec: string): string {
  let pkg: { exports?: unknown; main?: string; module?: string } = {};
  const json = join(dir, 'package.json');
  if (existsSync(json)) {
    try {
      pkg = JSON.parse(readFileSync(json, 'utf8'));
    } catch (cause) {
      throw new SynthkitError('BAD_PLUGIN', `Plugin "${spec}" has an unreadable package.json`, {
        hint: `Fix ${json}`,
        cause,
      });
    }
  }
  const target =
    pkg.exports !== undefined
      ? exportTarget(pkg.exports, subpath)
      : subpath === '.'
        ? (pkg.main ?? 'index.js')
        : subpath;
  if (target === undefined)
    throw new SynthkitError('PLUGIN_NOT_FOUND', `Plugin package "${spec}" does not export "${subpath}"`, {
      hint: `Its package.json "exports" must offer "${subpath}" under an "import" or "default" condition`,
    });
  const file = resolve(dir, target);
  if (!existsSync(file))
    throw new SynthkitError('PLUGIN_NOT_FOUND', `Plugin "${spec}" points to ${file}, which does not exist`, {
      hint: 'Build the plugin first (npm run build) or reinstall it',
    });
  return file;
}

function exportTarget(exp: unknown, subpath: string): string | undefined {
  if (typeof exp === 'string') return subpath === '.' ? exp : undefined;
  if (Array.isArray(exp)) {
    for (const e of exp) {
      const t = exportTarget(e, subpath);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  if (typeof exp !== 'object' || exp === null) return undefined;
  const obj = exp as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.some((k) => k.startsWith('.')))
    return obj[subpath] === undefined ? undefined : conditional(obj[subpath]);
  return subpath === '.' ? conditional(obj) : undefined;
}

function conditional(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(conditional).find((t) => t !== undefined);
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [k, v] of Object.entries(target)) {
    if (!CONDITIONS.has(k)) continue;
    const t = conditional(v);
    if (t !== undefined) return t;
  }
  return undefined;
}

function pluginsOf(mod: Record<string, unknown>, spec: string): unknown[] {
  const fromValue = (v: unknown): unknown[] | undefined => {
    if (typeof v === 'function') v = (v as () => unknown)();
    if (Array.isArray(v)) return v;
    if (typeof v === 'object' && v !== null && 'kind' in v) return [v];
    return undefined;
  };
  const found = (mod.plugins !== undefined ? fromValue(mod.plugins) : undefined) ?? fromValue(mod.default);
  if (!found || found.length === 0)
    throw new SynthkitError('BAD_PLUGIN', `Module "${spec}" exports no synthkit plugin`, {
      hint: 'Export a plugin, an array of plugins or a factory as the default export, or a `plugins` array',
    });
  return found;
}

/** Checks the shape of a plugin object, naming everything that is missing. */
function checkPlugin(p: unknown, spec: string): Plugin {
  const o = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
  const missing: string[] = [];
  const need = (ok: boolean, what: string) => ok || missing.push(what);
  need(typeof o.name === 'string' && o.name !== '', 'a name');
  need(
    o.kind === 'generator' || o.kind === 'metric' || o.kind === 'attack',
    'kind "generator", "metric" or "attack"',
  );
  if (o.kind === 'generator') {
    need(typeof o.version === 'string', 'a version');
    need(typeof o.options === 'object' && o.options !== null, 'an options schema');
    const c = (o.supports as { conditions?: unknown } | undefined)?.conditions;
    need(
      c === 'none' || c === 'discrete' || c === 'all',
      'supports.conditions ("none", "discrete" or "all")',
    );
    need(typeof o.fit === 'function', 'a fit function');
    need(typeof o.load === 'function', 'a load function');
  }
  if (o.kind === 'metric') need(typeof o.compute === 'function', 'a compute function');
  if (o.kind === 'attack') need(typeof o.run === 'function', 'a run function');
  if (missing.length > 0)
    throw new SynthkitError(
      'BAD_PLUGIN',
      `Plugin ${typeof o.name === 'string' ? `"${o.name}" ` : ''}from "${spec}" lacks ${missing.join(', ')}`,
      {
        hint: 'See "Writing a plugin" in the @synthkit/core README',
      },
    );
  return p as Plugin;
}
