import { SynthkitError } from '../errors/synthkit-error.js';
import type { AttackPlugin, GeneratorPlugin, MetricPlugin, Plugin } from './types.js';

type ByKind = { generator: GeneratorPlugin<any>; metric: MetricPlugin; attack: AttackPlugin };

/** Plugins by kind and name. Built-ins and third-party plugins register the same way. */
export class Registry {
  private readonly plugins = new Map<string, Plugin>();

  add(...plugins: Plugin[]): this {
    for (const p of plugins) {
      if (
        !p ||
        typeof p !== 'object' ||
        !['generator', 'metric', 'attack'].includes((p as Plugin).kind) ||
        !p.name
      )
        throw new SynthkitError(
          'BAD_PLUGIN',
          'Not a synthkit plugin: expected an object with kind and name',
          {
            hint: 'A plugin module exports a generator, metric or attack object (or an array of them) as its default export',
          },
        );
      this.plugins.set(`${p.kind}:${p.name}`, p);
    }
    return this;
  }

  get<K extends keyof ByKind>(kind: K, name: string): ByKind[K] {
    const p = this.plugins.get(`${kind}:${name}`);
    if (!p)
      throw new SynthkitError('PLUGIN_NOT_FOUND', `No ${kind} named "${name}"`, {
        hint: `Known ${kind}s: ${
          this.list(kind)
            .map((x) => x.name)
            .join(', ') || '(none)'
        }; load others with --plugin <package>`,
      });
    return p as ByKind[K];
  }

  has(kind: keyof ByKind, name: string): boolean {
    return this.plugins.has(`${kind}:${name}`);
  }

  list<K extends keyof ByKind>(kind: K): ByKind[K][] {
    return [...this.plugins.values()].filter((p): p is ByKind[K] => p.kind === kind);
  }
}
