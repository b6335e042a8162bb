import { z } from 'zod';
import { isSynthkitError, SynthkitError } from '../errors/synthkit-error.js';
import { compileDatetimeFormat } from '../io/datetime-format.js';
import { fromSdvMetadata, isSdvMetadata } from './sdv-metadata.js';
import { type Metadata, PII_KINDS } from './types.js';

const SDTYPES = ['numerical', 'categorical', 'boolean', 'datetime', 'id', 'pii'] as const;

const decimals = z.number().int().min(0).max(15);
const columnSchema = z.discriminatedUnion('sdtype', [
  z.strictObject({
    sdtype: z.literal('numerical'),
    representation: z.enum(['integer', 'float']),
    decimals: decimals.optional(),
    minDecimals: decimals.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    enforceBounds: z.boolean().optional(),
  }),
  z.strictObject({ sdtype: z.literal('categorical') }),
  z.strictObject({
    sdtype: z.literal('boolean'),
    trueToken: z.string().optional(),
    falseToken: z.string().optional(),
  }),
  z.strictObject({ sdtype: z.literal('datetime'), format: z.string().min(1) }),
  z.strictObject({
    sdtype: z.literal('id'),
    style: z.enum(['integer', 'uuid', 'prefixed']).optional(),
    prefix: z.string().optional(),
  }),
  z.strictObject({ sdtype: z.literal('pii'), kind: z.enum(PII_KINDS) }),
]);

const strict = z.boolean().optional();
const constraintSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('range'),
    column: z.string(),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({ type: z.literal('inequality'), low: z.string(), high: z.string(), strict }),
  z.strictObject({ type: z.literal('fixedCombinations'), columns: z.array(z.string()).min(2) }),
  z.strictObject({ type: z.literal('positive'), column: z.string(), strict }),
  z.strictObject({ type: z.literal('negative'), column: z.string(), strict }),
]);

const metadataSchema = z.strictObject({
  version: z.literal(1).default(1),
  columns: z.record(z.string(), columnSchema),
  primaryKey: z.string().optional(),
  constraints: z.array(constraintSchema).optional(),
});

/**
 * Validates metadata JSON (ours, or SDV's single-table shape, converted) and returns it typed.
 * Every problem is a BAD_METADATA error naming the column and saying what would be valid.
 */
export function parseMetadata(json: unknown): Metadata {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new SynthkitError('BAD_METADATA', 'Metadata must be a JSON object', {
      hint: 'Expected { "version": 1, "columns": { "<name>": { "sdtype": "numerical", ... } } }',
    });
  let obj = json as Record<string, unknown>;
  if (typeof obj.version === 'number' && obj.version > 1)
    throw new SynthkitError(
      'BAD_METADATA',
      `Metadata version ${obj.version} is newer than this synthkit understands (1)`,
      {
        hint: 'Upgrade synthkit, or re-detect the metadata with this version',
      },
    );
  if (isSdvMetadata(obj)) obj = fromSdvMetadata(obj);
  const parsed = metadataSchema.safeParse(obj);
  if (!parsed.success) throw fromZod(parsed.error);
  const meta = parsed.data as Metadata;
  checkSemantics(meta);
  return meta;
}

function fromZod(error: z.ZodError): SynthkitError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const where = path.join('.') || '(root)';
  const column = path[0] === 'columns' ? path[1] : undefined;
  const field = path[path.length - 1];
  let hint = 'See the metadata section of the @synthkit/core README for the valid shape';
  if (issue.code === 'unrecognized_keys')
    hint = `Remove ${issue.keys.map((k) => `"${k}"`).join(', ')}, or check its spelling`;
  else if (path[0] === 'columns' && path.length === 2)
    hint = `A column needs "sdtype": one of ${SDTYPES.join(', ')}`;
  else if (field === 'sdtype') hint = `"sdtype" must be one of ${SDTYPES.join(', ')}`;
  else if (field === 'kind') hint = `"kind" must be one of ${PII_KINDS.join(', ')}`;
  else if (field === 'representation')
    hint =
      'A numerical column needs "representation": "integer" or "float" (add it if missing; `synthkit detect` writes it)';
  else if (path[0] === 'constraints')
    hint = 'Constraints are range, inequality, fixedCombinations, positive, negative';
  const details = column !== undefined ? { column, hint } : { hint };
  return new SynthkitError('BAD_METADATA', `Invalid metadata at ${where}: ${issue.message}`, details);
}

function checkSemantics(meta: Metadata): void {
  const names = Object.keys(meta.columns);
  for (const [name, c] of Object.entries(meta.columns)) {
    if (c.sdtype === 'numerical' && c.min !== undefined && c.max !== undefined && c.min > c.max)
      throw new SynthkitError('BAD_METADATA', `min (${c.min}) is above max (${c.max})`, {
        column: name,
        hint: 'Swap them or remove one bound',
      });
    if (c.sdtype === 'datetime') {
      try {
        compileDatetimeFormat(c.format);
      } catch (e) {
        throw new SynthkitError('BAD_METADATA', isSynthkitError(e) ? e.message : String(e), {
          column: name,
          hint: isSynthkitError(e) ? (e.hint ?? '') : '',
        });
      }
    }
    if (c.sdtype === 'id' && c.style === 'prefixed' && !c.prefix)
      throw new SynthkitError('BAD_METADATA', 'An id with style "prefixed" needs a "prefix"', {
        column: name,
        hint: 'Add e.g. "prefix": "CUST-", or use style "integer"',
      });
  }
  const known = (col: string, what: string): void => {
    if (!(col in meta.columns))
      throw new SynthkitError(
        'BAD_METADATA',
        `${what} names column "${col}", which the metadata does not describe`,
        {
          column: col,
          hint: `Columns are: ${names.join(', ')}`,
        },
      );
  };
  if (meta.primaryKey !== undefined) known(meta.primaryKey, 'primaryKey');
  for (const c of meta.constraints ?? []) {
    const cols = 'columns' in c ? c.columns : 'column' in c ? [c.column] : [c.low, c.high];
    for (const col of cols) known(col, `A ${c.type} constraint`);
  }
}
