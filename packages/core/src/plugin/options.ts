import { SynthkitError } from '../errors/synthkit-error.js';

/**
 * A plugin's options, declared as data so they can be validated, defaulted and listed by
 * `synthkit inspect` without any dependency beyond core.
 */
export type OptionSpec =
  | { type: 'integer'; default: number; min?: number; max?: number; description: string }
  | { type: 'number'; default: number; min?: number; max?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; values: readonly string[]; default: string; description: string }
  | { type: 'string'; default: string; description: string }
  | { type: 'integerList'; default: readonly number[]; min?: number; description: string };

export type OptionsSchema = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { type: 'integer' | 'number' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : S extends { type: 'integerList' }
        ? readonly number[]
        : string;

export type OptionsOf<S extends OptionsSchema> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** Identity with inference: `const schema = defineOptions({ epochs: { type: 'integer', ... } })`. */
export function defineOptions<const S extends OptionsSchema>(schema: S): S {
  return schema;
}

/**
 * Validates user options against a schema and fills defaults. Strings are accepted for numbers and
 * booleans (they arrive that way from the command line). Unknown keys are an error, so a typo never
 * silently falls back to a default.
 */
export function parseOptions<S extends OptionsSchema>(
  schema: S,
  input: Readonly<Record<string, unknown>> = {},
  owner = 'plugin',
): OptionsOf<S> {
  for (const key of Object.keys(input)) {
    if (!(key in schema))
      throw new SynthkitError('BAD_OPTION', `${owner} has no option "${key}"`, {
        hint: `Known options: ${Object.keys(schema).join(', ') || '(none)'}`,
      });
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) {
    const raw = input[key];
    out[key] = raw === undefined ? spec.default : coerce(spec, raw, `${owner} option "${key}"`);
  }
  return out as OptionsOf<S>;
}

function coerce(spec: OptionSpec, raw: unknown, what: string): unknown {
  const bad = (expect: string): never => {
    throw new SynthkitError('BAD_OPTION', `${what} must be ${expect}, got ${JSON.stringify(raw)}`, {
      hint: `Give ${expect} (${spec.description}); the default is ${JSON.stringify(spec.default)}`,
    });
  };
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad('a finite number');
      if (spec.type === 'integer' && !Number.isInteger(v)) return bad('an integer');
      if (spec.min !== undefined && v < spec.min) return bad(`>= ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) return bad(`<= ${spec.max}`);
      return v;
    }
    case 'boolean':
      if (raw === true || raw === 'true' || raw === '1') return true;
      if (raw === false || raw === 'false' || raw === '0') return false;
      return bad('true or false');
    case 'enum':
      if (typeof raw === 'string' && spec.values.includes(raw)) return raw;
      return bad(`one of ${spec.values.join(', ')}`);
    case 'string':
      return typeof raw === 'string' ? raw : bad('a string');
    case 'integerList': {
      const list = typeof raw === 'string' ? raw.split(',').map((s) => Number(s.trim())) : raw;
      if (!Array.isArray(list) || !list.every((x) => Number.isInteger(x)))
        return bad('a list of integers like 256,256');
      if (spec.min !== undefined && list.some((x: number) => x < spec.min!))
        return bad(`integers >= ${spec.min}`);
      return list;
    }
  }
}

/**
 * A copy of `plugin` whose option defaults are replaced by `overrides` (validated), so factories
 * like `gaussianCopula({ ... })` return an ordinary plugin with the user's choices as defaults.
 */
export function configurePlugin<P extends { name: string; options: OptionsSchema }>(
  plugin: P,
  overrides: Readonly<Record<string, unknown>> = {},
): P {
  const values = parseOptions(plugin.options, overrides, plugin.name);
  const options: Record<string, OptionSpec> = {};
  for (const [k, spec] of Object.entries(plugin.options))
    options[k] = { ...spec, default: values[k] } as OptionSpec;
  return { ...plugin, options };
}
