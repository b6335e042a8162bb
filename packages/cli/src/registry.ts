import { gaussianCopula } from '@synthkit/copula';
import { type GeneratorPlugin, type Registry, SynthkitError } from '@synthkit/core';
import { loadPlugins, type SynthkitConfig } from '@synthkit/core/node';
import type { GlobalFlags } from './env.js';

/**
 * Generators that ship with synthkit but load heavy runtimes (tfjs, onnxruntime): imported only
 * when asked for, so `synthkit generate` with the copula starts fast.
 */
const LAZY_GENERATORS: Record<string, { pkg: string; factory: string }> = {
  ctgan: { pkg: '@synthkit/gan', factory: 'ctgan' },
  tvae: { pkg: '@synthkit/vae', factory: 'tvae' },
  ddpm: { pkg: '@synthkit/diffusion', factory: 'ddpm' },
};

export async function loadRegistry(
  registry: Registry,
  flags: GlobalFlags,
  config: SynthkitConfig,
): Promise<Registry> {
  registry.add(gaussianCopula());
  const specs = [...(flags.plugin ?? []), ...(config.plugins ?? [])];
  if (specs.length > 0) await loadPlugins(specs, registry, { cwd: process.cwd() });
  return registry;
}

export async function resolveGenerator(registry: Registry, name: string): Promise<GeneratorPlugin> {
  if (!registry.has('generator', name)) {
    const lazy = LAZY_GENERATORS[name];
    if (lazy) {
      let mod: Record<string, unknown>;
      try {
        mod = (await import(lazy.pkg)) as Record<string, unknown>;
      } catch (cause) {
        throw new SynthkitError(
          'PLUGIN_NOT_FOUND',
          `Generator "${name}" needs ${lazy.pkg}, which could not be loaded`,
          {
            hint: `Install it: npm install ${lazy.pkg}`,
            cause,
          },
        );
      }
      const factory = mod[lazy.factory] as (() => GeneratorPlugin) | undefined;
      if (typeof factory === 'function') registry.add(factory());
    }
  }
  if (!registry.has('generator', name)) {
    const known = [...new Set([...registry.list('generator').map((g) => g.name), ...lazyGeneratorNames()])];
    throw new SynthkitError('PLUGIN_NOT_FOUND', `No generator named "${name}"`, {
      hint: `Built in: ${known.join(', ')}; load others with --plugin <package or path>`,
    });
  }
  return registry.get('generator', name);
}

export function lazyGeneratorNames(): string[] {
  return Object.keys(LAZY_GENERATORS);
}
