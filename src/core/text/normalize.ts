/**
 * Text normalization for matching: the original text is kept for display,
 * this form is what search, alias matching and hashing compare.
 */

const ZERO_WIDTH = /[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;

/** NFKC (full-width Latin and digits → ASCII), zero-width characters removed, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** normalizeText, lower-cased and with Latin diacritics removed (Zelenskyy ≈ zelenskyy, Šefčovič ≈ sefcovic). */
export function foldForMatch(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}
