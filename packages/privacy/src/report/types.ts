import type { AttackResult } from '@synthkit/core';

/** What `audit` returns: plain data, safe to JSON.stringify (NaN risks become null). */
export interface PrivacyReport {
  readonly version: 1;
  readonly seed: number;
  readonly rows: { readonly train: number; readonly control: number; readonly synthetic: number };
  /** Columns the attacks used (ids, PII and columns missing from a table are left out, see warnings). */
  readonly columns: readonly string[];
  readonly secrets: readonly string[];
  readonly attacks: readonly AttackResult[];
  /** About the inputs as a whole (per-attack warnings sit in each attack). */
  readonly warnings: readonly string[];
  /** One sentence over all attacks. */
  readonly summary: string;
}
