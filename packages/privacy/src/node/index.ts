import { type AuditOptions, audit as auditInThread } from '../audit.js';
import type { PrivacyReport } from '../report/types.js';
import { parallelSearch } from './parallel-search.js';

export { type ParallelSearchOptions, parallelSearch } from './parallel-search.js';

/** `audit` with nearest-neighbour searches on worker threads (unless `search` is given). */
export function audit(options: AuditOptions): Promise<PrivacyReport> {
  return auditInThread({ ...options, search: options.search ?? parallelSearch() });
}
