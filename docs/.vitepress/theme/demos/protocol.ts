/** Messages between the docs' live demos (in the page) and their worker (demos.worker.ts). */

export type DemoRequest =
  | { readonly kind: 'copula'; readonly rows: number; readonly seed: number }
  | { readonly kind: 'conditional'; readonly sex: string; readonly minAge: number; readonly maxAge: number }
  | { readonly kind: 'privacy' };

export interface CopulaResult {
  readonly status: string;
  readonly overall: number;
  readonly shapes: readonly { column: string; score: number }[];
  readonly header: readonly string[];
  readonly preview: readonly string[][];
}

export interface ConditionalResult {
  readonly status: string;
  readonly checks: readonly { label: string; value: string }[];
}

export interface PrivacyRow {
  readonly generator: string;
  readonly attack: string;
  readonly risk: string;
  readonly ci: string;
  readonly verdict: string;
}

export interface PrivacyResult {
  readonly status: string;
  readonly rows: readonly PrivacyRow[];
}

export interface DemoResults {
  copula: CopulaResult;
  conditional: ConditionalResult;
  privacy: PrivacyResult;
}

export type DemoMessage =
  | { readonly id: number; readonly type: 'status'; readonly text: string }
  | { readonly id: number; readonly type: 'result'; readonly result: DemoResults[DemoRequest['kind']] }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
