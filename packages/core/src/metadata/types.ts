/**
 * Metadata: what each column means. Detected from data, saved as JSON, edited by the user and
 * passed back. The JSON shape is validated by `parseMetadata` (metadata/schema.ts).
 */
export type Sdtype = ColumnMetadata['sdtype'];

export type ColumnMetadata =
  | NumericalMetadata
  | CategoricalMetadata
  | BooleanMetadata
  | DatetimeMetadata
  | IdMetadata
  | PiiMetadata;

export interface NumericalMetadata {
  sdtype: 'numerical';
  /** integer values are rounded on output; float values keep `decimals` places. */
  representation: 'integer' | 'float';
  /** Decimal places seen in the data (float only); output is written with at most this many. */
  decimals?: number;
  /** Fewest decimal places written, for files that write "41.0" or "7.50" (default 0). */
  minDecimals?: number;
  /** Observed bounds; synthetic values are clamped to them unless `enforceBounds` is false. */
  min?: number;
  max?: number;
  enforceBounds?: boolean;
}

export interface CategoricalMetadata {
  sdtype: 'categorical';
}

export interface BooleanMetadata {
  sdtype: 'boolean';
  /** The tokens written for true and false, as found in the input (e.g. "yes"/"no"). */
  trueToken?: string;
  falseToken?: string;
}

export interface DatetimeMetadata {
  sdtype: 'datetime';
  /** strftime-style format, e.g. "%Y-%m-%d %H:%M:%S"; values are written back in it. */
  format: string;
}

export interface IdMetadata {
  sdtype: 'id';
  /** How new keys look: sequential integers, UUIDs, or a prefix followed by a number. */
  style?: 'integer' | 'uuid' | 'prefixed';
  prefix?: string;
}

export const PII_KINDS = [
  'email',
  'phone',
  'name',
  'first_name',
  'last_name',
  'address',
  'city',
  'postcode',
  'ip',
  'iban',
  'credit_card',
  'ssn',
  'url',
  'username',
  /** Free text (nearly every value unique, prose not codes): regenerated as placeholder sentences. */
  'text',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiMetadata {
  sdtype: 'pii';
  kind: PiiKind;
}

/** Declarative constraints that can live in the metadata JSON. Predicates in code: see constraints/. */
export type ConstraintSpec =
  | { type: 'range'; column: string; min?: number; max?: number }
  | { type: 'inequality'; low: string; high: string; strict?: boolean }
  | { type: 'fixedCombinations'; columns: string[] }
  | { type: 'positive'; column: string; strict?: boolean }
  | { type: 'negative'; column: string; strict?: boolean };

export interface Metadata {
  /** Format version of this JSON; bumped on incompatible change. */
  version: 1;
  /** In table order. */
  columns: Record<string, ColumnMetadata>;
  primaryKey?: string;
  constraints?: ConstraintSpec[];
}

/** Columns that are regenerated (never learned): ids and PII. */
export function isRegenerated(c: ColumnMetadata): c is IdMetadata | PiiMetadata {
  return c.sdtype === 'id' || c.sdtype === 'pii';
}
