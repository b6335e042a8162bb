import { SynthkitError } from '@synthkit/core';

/**
 * The order columns are synthesised in: the columns named in `visitSequence` first (in that
 * order), then the others in table order, as synthpop's `visit.sequence`.
 */
export function visitOrder(names: readonly string[], visitSequence: string): number[] {
  const first = visitSequence
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const order: number[] = [];
  const taken = new Set<number>();
  for (const name of first) {
    const at = names.indexOf(name);
    if (at < 0)
      throw new SynthkitError(
        'BAD_OPTION',
        `cart option "visitSequence" names "${name}", which is not a column`,
        {
          column: name,
          hint: `Use columns of the generator's view: ${names.join(', ')}`,
        },
      );
    if (taken.has(at))
      throw new SynthkitError('BAD_OPTION', `cart option "visitSequence" names "${name}" twice`, {
        column: name,
        hint: 'List each column at most once',
      });
    taken.add(at);
    order.push(at);
  }
  for (let i = 0; i < names.length; i++) if (!taken.has(i)) order.push(i);
  return order;
}
