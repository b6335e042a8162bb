/** Token pairs read as booleans; case is kept so "True"/"False" are written back as they came. */
export const BOOLEAN_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['true', 'false'],
  ['True', 'False'],
  ['TRUE', 'FALSE'],
  ['yes', 'no'],
  ['Yes', 'No'],
  ['YES', 'NO'],
  ['t', 'f'],
  ['T', 'F'],
  ['y', 'n'],
  ['Y', 'N'],
];

/** The pair holding `token`, if any. */
export function booleanPairOf(token: string): readonly [string, string] | undefined {
  return BOOLEAN_PAIRS.find(([t, f]) => t === token || f === token);
}
