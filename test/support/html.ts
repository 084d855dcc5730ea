/**
 * Hostile stored values for the API's HTML pages, and the shape of a page (its tags and attribute
 * names) to compare a page rendered with them against the same page rendered with a plain value: an
 * injected tag or attribute changes the shape; escaped text does not.
 */
import { expect } from 'vitest';

export const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '&lt;b&gt; & </main>',
  'lone \ud800 surrogate',
] as const;

/** a value every page shows as it is: the baseline each hostile value is compared with */
export const PLAIN = 'plain';

/**
 * Tags and attribute names in document order. Exact on the renderer's output: every `<` in text or
 * a value is escaped, and so is every `"` in a value.
 */
export function shape(html: string): string[] {
  const tags = html.matchAll(/<(\/?[a-z0-9!]+)((?:\s[^\s"=/>]+(?:="[^"]*")?)*)\s*>/gi);
  return [...tags].map(([, name, attrs]) =>
    [name, ...[...(attrs ?? '').matchAll(/\s([^\s"=/>]+)(?:="[^"]*")?/g)].map((a) => a[1])].join(' '),
  );
}

/**
 * `render(value)` with each hostile value: never throws, has the shape of the plain page (nothing
 * injected), holds no live markup of the value, and shows the value escaped.
 */
export function expectEscaped(render: (value: string) => string) {
  const plain = render(PLAIN);
  expect(plain).toMatch(/^<!doctype html><html lang="(id|en)">/);
  expect(plain).toMatch(/<\/html>$/);
  for (const value of HOSTILE) {
    const html = render(value);
    expect(shape(html), value).toEqual(shape(plain));
    expect(html, value).not.toMatch(/<script|<img src=x|<svg/);
    if (value.startsWith('<script')) expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    if (value.startsWith('"')) expect(html).toContain('&quot;>&lt;img src=x onerror=alert(1)>');
    if (value.startsWith('&')) expect(html).toContain('&amp;lt;b&amp;gt; &amp; &lt;/main>');
    if (value.startsWith('lone')) expect(html).toMatch(/lone (\ud800|\ufffd|%EF%BF%BD) surrogate/);
  }
}
