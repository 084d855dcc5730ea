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

/** at most this many of the key words (name, category labels, seller, village) */
const MAX_KEY_TERMS = 30;

/**
 * Distinct terms, capped at MAX_TERMS: the key parts first (the product's name, its category labels,
 * the seller's and the village's names — what a buyer types: "kopi", "tamansari"), in that order and
 * at most MAX_KEY_TERMS of them, then the description's words while room is left. A long description
 * can never push the name, the category or the village out of the index.
 */
export function productTerms(key: string[], extra: string[] = []): string[] {
  const terms = new Set(key.flatMap(words).slice(0, MAX_KEY_TERMS));
  for (const w of extra.flatMap(words)) {
    if (terms.size >= MAX_TERMS) break;
    terms.add(w);
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The normalised text a query's other words are matched against. */
export function searchText(parts: string[]): string {
  return ` ${[...new Set(parts.flatMap(words))].join(' ')} `;
}

/** The query's words, longest first (the longest is the most selective key condition). */
export function queryWords(q: string): string[] {
  return [...new Set(words(q))].sort((a, b) => b.length - a.length).slice(0, 5);
}
