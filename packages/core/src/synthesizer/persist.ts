import { decodeArtifact, encodeArtifact } from '../artifact/format.js';
import type { Constraint, FittedConstraint } from '../constraints/constraint.js';
import { constraintFromSpec } from '../constraints/from-spec.js';
import { isSynthkitError, SynthkitError } from '../errors/synthkit-error.js';
import type { ConstraintSpec, Metadata } from '../metadata/types.js';
import { parseOptions } from '../plugin/options.js';
import type { Registry } from '../plugin/registry.js';
import type { GeneratorPlugin, JsonValue } from '../plugin/types.js';
import { untilAborted } from './abort.js';
import { chainReparams, type FitRecord, type Fitted } from './fitted.js';
import { SYNTHKIT_VERSION } from './version.js';
import type { ViewPlan } from './view.js';

/** What a model file's manifest holds besides the array directory. */
interface Manifest {
  format: 'synthkit-model';
  synthkit: string;
  generator: { name: string; version: string; options: Record<string, JsonValue> };
  metadata: Metadata;
  plan: ViewPlan;
  constraints: Array<{
    type: string;
    name: string;
    spec: ConstraintSpec | null;
    state: JsonValue;
    reparam: boolean;
  }>;
  fit: FitRecord;
  model: JsonValue;
}

export function encodeSynthesizer(f: Fitted): Uint8Array {
  const state = f.model.save();
  const manifest: Manifest = {
    format: 'synthkit-model',
    synthkit: SYNTHKIT_VERSION,
    generator: {
      name: f.generator.name,
      version: f.generator.version,
      options: f.options as Record<string, JsonValue>,
    },
    metadata: f.metadata,
    plan: f.plan,
    constraints: f.constraints.map((c, k) => ({
      type: c.constraint.type,
      name: c.constraint.name,
      spec: c.constraint.spec ?? null,
      state: c.state,
      reparam: f.reparamActive[k] === true,
    })),
    fit: f.fit,
    model: state.json,
  };
  return encodeArtifact({ manifest: manifest as unknown as Record<string, JsonValue>, arrays: state.arrays });
}

export interface LoadOptions {
  /** Where to find the generator named in the file… */
  readonly registry?: Registry;
  /** …or the candidate plugins themselves. */
  readonly plugins?: readonly GeneratorPlugin<any>[];
  /** Predicates (code) the model was fitted with, matched by name. */
  readonly constraints?: readonly Constraint[];
  /**
   * Called for a generator found in neither `plugins` nor `registry`, so an application can load
   * its package on demand (the CLI imports @synthkit/gan only for a CTGAN model).
   */
  readonly findGenerator?: (name: string) => Promise<GeneratorPlugin<any> | undefined>;
}

/** Reads and checks a model file, then lets the generator rebuild its model. */
export async function decodeSynthesizer(bytes: Uint8Array, o: LoadOptions): Promise<Fitted> {
  // All structural checks (size, signature, version, checksum) happen here, before any plugin code runs.
  const { manifest: raw, arrays } = decodeArtifact(bytes);
  const m = raw as unknown as Manifest;
  const bad = (why: string): never => {
    throw new SynthkitError('BAD_ARTIFACT', `The model file's manifest is not valid: ${why}`, {
      hint: 'Save the model again with this version of synthkit',
    });
  };
  if (m.format !== 'synthkit-model') bad('it is not a synthesizer model');
  if (!m.generator || typeof m.generator.name !== 'string') bad('no generator');
  if (!m.metadata || !m.plan || !Array.isArray(m.plan.columns) || !Array.isArray(m.constraints) || !m.fit)
    bad('a section is missing');
  const generator = await findGenerator(m.generator.name, o);
  const options = parseOptions(generator.options, m.generator.options, generator.name);
  const { constraints, reparams, reparamActive, signature } = restoreConstraints(m, o);
  const model = await untilAborted(
    Promise.resolve().then(() => generator.load({ json: m.model, arrays }, options)),
    undefined,
    `Generator "${generator.name}" load`,
  );
  return {
    generator,
    options,
    metadata: m.metadata,
    plan: m.plan,
    constraints,
    reparamActive,
    reparams,
    modelSignature: signature,
    model,
    fit: m.fit,
  };
}

async function findGenerator(name: string, o: LoadOptions): Promise<GeneratorPlugin<any>> {
  const found = o.plugins?.find((p) => p.kind === 'generator' && p.name === name);
  if (found) return found;
  if (o.registry?.has('generator', name)) return o.registry.get('generator', name);
  const loaded = await o.findGenerator?.(name);
  if (loaded) return loaded;
  throw new SynthkitError(
    'PLUGIN_NOT_FOUND',
    `The model was made by generator "${name}", which is not loaded`,
    {
      hint: `Load the package that provides it (CLI: --plugin <package>; API: Synthesizer.load(bytes, { plugins: [${name}()] }))`,
    },
  );
}

/** Constraints and the view shape from the manifest; anything malformed is BAD_ARTIFACT, not a TypeError. */
function restoreConstraints(m: Manifest, o: LoadOptions) {
  try {
    const constraints: FittedConstraint[] = m.constraints.map((c) => {
      if (c.spec) return constraintFromSpec(c.spec).restore(c.state);
      const code = o.constraints?.find((x) => x.name === c.name);
      if (!code)
        throw new SynthkitError(
          'BAD_OPTION',
          `The model was fitted with constraint ${c.name}, which is code and is not saved`,
          {
            hint: 'Pass it again: Synthesizer.load(bytes, { constraints: [predicate(...)] })',
          },
        );
      return code.restore(c.state);
    });
    const { reparams, reparamActive, signature } = chainReparams(
      m.plan,
      constraints,
      m.constraints.map((c) => c.reparam),
    );
    return { constraints, reparams, reparamActive, signature };
  } catch (e) {
    if (isSynthkitError(e)) throw e;
    throw new SynthkitError(
      'BAD_ARTIFACT',
      `The model file's view or constraints cannot be restored: ${(e as Error).message}`,
      {
        hint: 'Save the model again with this version of synthkit',
        cause: e,
      },
    );
  }
}
