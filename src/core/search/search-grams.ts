/**
 * The 1–2 character grams of indexed text, for backends without FTS5 (PostgreSQL): an index of
 * each row's distinct grams answers terms too short for trigrams (川普, 普丁, " x") exactly, since
 * a term of one or two characters is in the text exactly when it is one of its grams.
 */

/** Distinct one- and two-character substrings (code points) of each of `columns`, blanks alone left out. */
export function searchGrams(...columns: string[]): string[] {
  const out = new Set<string>();
  for (const text of columns) {
    let prev = '';
    for (const ch of text) {
      if (ch !== ' ') out.add(ch);
      if (prev && !(prev === ' ' && ch === ' ')) out.add(prev + ch);
      prev = ch;
    }
  }
  return [...out];
}

/** The two-character grams of a longer term (every one of them is a gram of any text containing it). */
export function termBigrams(term: string): string[] {
  const chars = [...term];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) if (!(chars[i] === ' ' && chars[i + 1] === ' ')) out.add(chars[i] + chars[i + 1]);
  return [...out];
}
