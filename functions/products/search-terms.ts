/**
 * Words of a product for the regency-wide search, and of a query. Pure: lower-case, accents folded,
 * split on anything not a letter or digit, common Indonesian/English filler words dropped.
 */
const STOPWORDS = new Set(
  'dan yang di ke dari untuk dengan atau ini itu ada juga per the and of for with a an in on to is are by from kami kita'.split(
    ' ',
  ),
);

/** at most this many terms per product: bounds the index items a product writes */
export const MAX_TERMS = 40;

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40 && !STOPWORDS.has(w));
}

/** Distinct terms, the product's own name first, capped. */
export function productTerms(parts: string[]): string[] {
  return [...new Set(parts.flatMap(words))].slice(0, MAX_TERMS);
}

/** The normalised text a query's other words are matched against. */
export function searchText(parts: string[]): string {
  return ` ${[...new Set(parts.flatMap(words))].join(' ')} `;
}

/** The query's words, longest first (the longest is the most selective key condition). */
export function queryWords(q: string): string[] {
  return [...new Set(words(q))].sort((a, b) => b.length - a.length).slice(0, 5);
}
