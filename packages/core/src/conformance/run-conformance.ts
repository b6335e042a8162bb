import { isSynthkitError, SynthkitError } from '../errors/synthkit-error.js';
import { isRegenerated, type Metadata } from '../metadata/types.js';
import { parseOptions } from '../plugin/options.js';
import type { FittedModel, GeneratorPlugin, ViewCondition, ViewTable } from '../plugin/types.js';
import { Rng } from '../rng/rng.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';
import { checkViewShape, fitViewPlan, toView, viewSignature } from '../synthesizer/view.js';
import { type CategoricalColumn, valueAt } from '../table/column.js';
import type { Table } from '../table/table.js';
import { containsText, tableDifference } from './compare.js';
import { conformanceTable } from './dataset.js';

export interface ConformanceOptions {
  /** Generator options for every fit (keep them small: e.g. { epochs: 2 }). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Training data and its metadata (default: `conformanceTable()`, a mixed 300-row table). */
  readonly table?: Table;
  readonly metadata?: Metadata;
  /** Rows sampled per check (default 200). */
  readonly rows?: number;
}

/**
 * Checks a generator plugin against the contract every generator must meet. Runner-agnostic:
 * resolves to the names of the checks passed and throws an Error describing the first failure.
 *
 * ```ts
 * it('conforms', async () => { await runGeneratorConformance(myPlugin(), { options: { epochs: 2 } }); });
 * ```
 */
export async function runGeneratorConformance(
  plugin: GeneratorPlugin<any>,
  o: ConformanceOptions = {},
): Promise<string[]> {
  const data = o.table && o.metadata ? { table: o.table, metadata: o.metadata } : conformanceTable();
  const { table, metadata } = data;
  const rows = o.rows ?? 200;
  const passed: string[] = [];
  const fail = (check: string, why: string): never => {
    throw new Error(`Generator "${plugin.name}" fails conformance check "${check}": ${why}`);
  };
  const check = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      if (e instanceof Error && e.message.startsWith(`Generator "${plugin.name}" fails`)) throw e;
      fail(name, isSynthkitError(e) ? e.toLine() : e instanceof Error ? e.message : String(e));
    }
    passed.push(name);
  };
  const make = () => new Synthesizer({ generator: plugin, metadata, options: o.options ?? {} });
  const fitted = async (seed = 5) => {
    const s = make();
    await s.fit(table, { seed });
    return s;
  };

  let model: FittedModel | undefined;
  let view: ViewTable | undefined;
  await check('sampled batches have the shape of the view', async () => {
    const plan = fitViewPlan(table, metadata);
    view = toView(plan, table);
    const signature = viewSignature(plan);
    const options = parseOptions(plugin.options, o.options ?? {}, plugin.name);
    const ctx = { rng: new Rng(1), progress: () => {} };
    model = await plugin.fit(view, options, ctx);
    let total = 0;
    for await (const batch of model.sample(rows + 37, { ...ctx, conditions: [], batchSize: 64 })) {
      checkViewShape(signature, batch, plugin.name);
      if (batch.nRows > 64) throw new Error(`a batch of ${batch.nRows} rows exceeds batchSize 64`);
      total += batch.nRows;
    }
    if (total !== rows + 37) throw new Error(`asked for ${rows + 37} rows, got ${total}`);
  });

  if (plugin.supports.conditions !== 'none')
    await check(
      `claimed conditions ("${plugin.supports.conditions}") are honoured by the generator itself`,
      () => claimedConditions(plugin.supports.conditions, model!, view!),
    );

  const synth = await fitted();
  const first = await synth.sample(rows, { seed: 9 });

  await check('same seed, same output', async () => {
    const again = await (await fitted()).sample(rows, { seed: 9 });
    const diff = tableDifference(first, again);
    if (diff) fail('same seed, same output', `two fits and samples with the same seeds differ: ${diff}`);
  });

  await check('different seeds differ', async () => {
    const other = await synth.sample(rows, { seed: 10 });
    const learned = table.names.filter((n) => !isRegenerated(metadata.columns[n]!));
    if (!tableDifference(first.select(learned), other.select(learned)))
      fail('different seeds differ', 'seeds 9 and 10 gave identical rows');
  });

  const bytes = synth.save();
  await check('save/load gives identical samples', async () => {
    const loaded = await Synthesizer.load(bytes, { plugins: [plugin] });
    const diff = tableDifference(first, await loaded.sample(rows, { seed: 9 }));
    if (diff) fail('save/load gives identical samples', diff);
  });

  await check('the model never stores id or PII values', async () => {
    for (const name of table.names) {
      if (!isRegenerated(metadata.columns[name]!)) continue;
      const c = table.column(name);
      for (let i = 0; i < table.nRows; i++) {
        const v = valueAt(c, i);
        if (v !== null && String(v).length >= 6 && containsText(bytes, String(v)))
          fail(
            'the model never stores id or PII values',
            `the saved model contains "${v}" from column "${name}"`,
          );
      }
    }
  });

  await check('conditions are honoured (by the generator or by rejection)', async () => {
    const conditions = conditionsFor(table, metadata);
    const out = await synth.sample(rows, { seed: 3, conditions });
    for (const [column, value] of Object.entries(conditions)) {
      const c = out.column(column);
      for (let i = 0; i < out.nRows; i++) {
        const v = valueAt(c, i);
        const ok =
          typeof value === 'object' ? typeof v === 'number' && v >= value.min && v <= value.max : v === value;
        if (!ok)
          fail(
            'conditions are honoured (by the generator or by rejection)',
            `row ${i + 1} has ${column} = ${v}, wanted ${JSON.stringify(value)}`,
          );
      }
    }
  });

  await check('one row: works or refuses clearly', async () => {
    await worksOrRefuses(
      make(),
      table.slice(0, 1),
      rows,
      (t) => t.nRows === rows || `sampled ${t.nRows} rows`,
    );
  });

  await check('constant columns: kept constant or refused clearly', async () => {
    const constant = withConstants(table, metadata);
    const s = new Synthesizer({ generator: plugin, metadata: constant.metadata, options: o.options ?? {} });
    await worksOrRefuses(s, constant.table, rows, (t) => {
      const n = valueAt(t.column('constant_number'), 0);
      const k = valueAt(t.column('constant_label'), 0);
      for (let i = 0; i < t.nRows; i++)
        if (
          valueAt(t.column('constant_number'), i) !== 42 ||
          valueAt(t.column('constant_label'), i) !== 'same'
        )
          return `row ${i + 1} has ${valueAt(t.column('constant_number'), i)} / ${valueAt(t.column('constant_label'), i)} (first ${n} / ${k})`;
      return true;
    });
  });

  return passed;
}

/** A plugin that claims conditions must honour them itself, not rely on rejection. */
async function claimedConditions(
  level: 'discrete' | 'all' | 'none',
  model: FittedModel,
  view: ViewTable,
): Promise<void> {
  const discrete = view.columns.find((c) => c.kind === 'discrete' && c.labels.length > 1);
  const continuous = view.columns.find((c) => c.kind === 'continuous');
  const conditions: ViewCondition[] = [];
  if (discrete) conditions.push({ kind: 'equals', column: discrete.name, code: 1 });
  let lo = 0;
  let hi = 0;
  if (level === 'all' && continuous?.kind === 'continuous') {
    const sorted = Float64Array.from(continuous.values).sort();
    lo = sorted[Math.floor(sorted.length * 0.25)]!;
    hi = sorted[Math.floor(sorted.length * 0.75)]!;
    conditions.push({ kind: 'range', column: continuous.name, min: lo, max: hi });
  }
  const ctx = { rng: new Rng(2), progress: () => {}, conditions, batchSize: 100 };
  for await (const batch of model.sample(150, ctx)) {
    for (const c of batch.columns) {
      if (c.kind === 'discrete' && c.name === discrete?.name && c.codes.some((x) => x !== 1))
        throw new Error(`equals condition on "${c.name}" (code 1) broken`);
      if (
        c.kind === 'continuous' &&
        level === 'all' &&
        c.name === continuous?.name &&
        c.values.some((x) => x < lo || x > hi)
      )
        throw new Error(`range condition on "${c.name}" [${lo}, ${hi}] broken`);
    }
  }
}

async function worksOrRefuses(
  s: Synthesizer,
  t: Table,
  rows: number,
  ok: (out: Table) => true | string,
): Promise<void> {
  let out: Table;
  try {
    await s.fit(t, { seed: 1 });
    out = await s.sample(rows, { seed: 1 });
  } catch (e) {
    if (e instanceof SynthkitError && e.code !== 'INTERNAL') return;
    throw new Error(
      `threw something other than a clear SynthkitError: ${isSynthkitError(e) ? e.toLine() : String(e)}`,
      { cause: e },
    );
  }
  const verdict = ok(out);
  if (verdict !== true) throw new Error(verdict);
}

/** A condition on the first categorical column (its commonest value) and a range on the first integer column. */
function conditionsFor(
  table: Table,
  metadata: Metadata,
): Record<string, string | { min: number; max: number }> {
  const out: Record<string, string | { min: number; max: number }> = {};
  const cat = table.names.find(
    (n) => metadata.columns[n]!.sdtype === 'categorical' && table.column(n).type === 'categorical',
  );
  const num = table.names.find((n) => {
    const m = metadata.columns[n]!;
    return m.sdtype === 'numerical' && m.representation === 'integer' && table.column(n).type === 'number';
  });
  if (cat !== undefined) {
    const c = table.column(cat) as CategoricalColumn;
    const counts = new Int32Array(c.categories.length);
    for (const k of c.codes) if (k >= 0) counts[k]!++;
    out[cat] = c.categories[counts.indexOf(Math.max(...counts))]!;
  }
  if (num !== undefined) {
    const v = (table.column(num) as { values: Float64Array }).values.filter((x) => !Number.isNaN(x)).sort();
    out[num] = { min: v[Math.floor(v.length * 0.2)]!, max: v[Math.floor(v.length * 0.8)]! };
  }
  return out;
}

function withConstants(table: Table, metadata: Metadata): { table: Table; metadata: Metadata } {
  const n = table.nRows;
  const label: CategoricalColumn = { type: 'categorical', codes: new Int32Array(n), categories: ['same'] };
  return {
    table: table
      .withColumn('constant_number', { type: 'number', values: new Float64Array(n).fill(42) })
      .withColumn('constant_label', label),
    metadata: {
      ...metadata,
      columns: {
        ...metadata.columns,
        constant_number: { sdtype: 'numerical', representation: 'integer' },
        constant_label: { sdtype: 'categorical' },
      },
    },
  };
}
