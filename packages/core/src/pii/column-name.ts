/**
 * Column names reduced to lower-case words, so "firstName", "First Name" and "first_name" all read
 * as "first_name".
 */
export function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('_');
}

export function nameWords(name: string): string[] {
  return normalizeName(name).split('_');
}

/** "id", "user_id", "customerId", "uuid", "key", "order_key"… the names of keys. */
export function looksLikeIdName(name: string): boolean {
  const n = normalizeName(name);
  const words = n.split('_');
  const last = words[words.length - 1];
  return (
    ['id', 'uuid', 'guid', 'key', 'pk', 'identifier'].includes(last ?? '') &&
    !['is', 'has'].includes(words[0] ?? '')
  );
}
