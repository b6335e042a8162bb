import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SynthkitError } from '../errors/synthkit-error.js';

/** synthkit.config.json */
export interface SynthkitConfig {
  /** Package names or paths (made absolute, relative to the config file). */
  readonly plugins?: string[];
  /** Generator name, e.g. "copula" or "cart". */
  readonly generator?: string;
  /** The generator's options. */
  readonly options?: Record<string, unknown>;
}

/** Reads and checks a synthkit.config.json: `{ "plugins": [...], "generator": "...", "options": {...} }`. */
export async function loadConfig(path: string): Promise<SynthkitConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SynthkitError('IO_ERROR', `Cannot read config file ${path}`, { hint: 'Check the path', cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SynthkitError(
      'BAD_OPTION',
      `Config file ${path} is not valid JSON: ${(cause as Error).message}`,
      {
        hint: 'Write it as { "plugins": ["pkg"], "generator": "name", "options": {} }',
        cause,
      },
    );
  }
  const bad = (field: string, expect: string): never => {
    throw new SynthkitError('BAD_OPTION', `Config file ${path}: "${field}" must be ${expect}`, {
      hint: 'Write it as { "plugins": ["pkg"], "generator": "name", "options": {} }',
    });
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return bad('(top level)', 'an object');
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (!['plugins', 'generator', 'options', '$schema'].includes(k))
      bad(k, 'one of plugins, generator, options (unknown key)');
  if (
    o.plugins !== undefined &&
    (!Array.isArray(o.plugins) || !o.plugins.every((p) => typeof p === 'string' && p !== ''))
  )
    bad('plugins', 'a list of package names or paths');
  if (o.generator !== undefined && (typeof o.generator !== 'string' || o.generator === ''))
    bad('generator', 'a generator name');
  if (
    o.options !== undefined &&
    (typeof o.options !== 'object' || o.options === null || Array.isArray(o.options))
  )
    bad('options', 'an object of option values');
  const base = dirname(resolve(path));
  const plugins = (o.plugins as string[] | undefined)?.map((p) => (p.startsWith('.') ? resolve(base, p) : p));
  return {
    ...(plugins ? { plugins } : {}),
    ...(o.generator !== undefined ? { generator: o.generator as string } : {}),
    ...(o.options !== undefined ? { options: o.options as Record<string, unknown> } : {}),
  };
}
