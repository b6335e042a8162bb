/** RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes. */
export function quote(s: string, delim: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 10 || c === 13) {
      needs = true;
      break;
    }
  }
  if (!needs && !s.includes(delim)) return s;
  return `"${s.replace(/"/g, '""')}"`;
}
