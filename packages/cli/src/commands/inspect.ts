import type { OptionSpec } from '@synthkit/core';
import { loadSynthesizerFile } from '@synthkit/core/node';
import type { Command } from 'commander';
import { lazyGeneratorNames, resolveGenerator } from '../registry.js';
import type { CliCommand } from './types.js';

export const inspectCommand: CliCommand = {
  register(program, envOf) {
    program
      .command('inspect')
      .description('list generators and their options, or describe a saved model')
      .argument('[model]', 'a model artifact from `synthkit fit`')
      .option('-g, --generator <name>', 'show one generator and its options')
      .action(async (model: string | undefined, opts: { generator?: string }, cmd: Command) => {
        const env = envOf(cmd);
        const registry = await env.registry();
        if (model) {
          const synth = await loadSynthesizerFile(model, {
            registry,
            findGenerator: (name) => resolveGenerator(registry, name),
          });
          const about = {
            generator: synth.generatorInfo,
            fit: synth.fitRecord ?? null,
            metadata: synth.metadata,
            constraints: synth.constraintNames,
          };
          env.say(JSON.stringify(about, null, 2));
          await env.result(about);
          return;
        }
        const names = opts.generator
          ? [opts.generator]
          : [...new Set([...registry.list('generator').map((g) => g.name), ...lazyGeneratorNames()])];
        const out: Record<string, unknown> = {};
        for (const name of names) {
          let g: Awaited<ReturnType<typeof resolveGenerator>>;
          try {
            g = await resolveGenerator(registry, name);
          } catch (e) {
            if (opts.generator) throw e;
            env.say(`${name}  (not installed)`);
            continue;
          }
          env.say(`${g.name} ${g.version}  ${g.description}  [conditions: ${g.supports.conditions}]`);
          for (const [key, spec] of Object.entries(g.options as Record<string, OptionSpec>))
            env.say(
              `  -O ${key}=${formatDefault(spec)}  ${spec.description}${spec.type === 'enum' ? ` (${spec.values.join(', ')})` : ''}`,
            );
          out[g.name] = {
            version: g.version,
            description: g.description,
            supports: g.supports,
            options: g.options,
          };
        }
        for (const m of registry.list('metric'))
          out[`metric:${m.name}`] = { family: m.family, description: m.description };
        await env.result(out);
      });
  },
};

function formatDefault(spec: OptionSpec): string {
  return Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
}
