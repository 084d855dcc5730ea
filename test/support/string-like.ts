/**
 * IAM's `StringLike`: `*` matches any run of characters (none included), `?` exactly one, everything
 * else itself, case-sensitively, over the whole value.
 */
export function stringLike(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}
