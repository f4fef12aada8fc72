/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * adjacent transpositions) with an early exit, for tolerating misspelt names: zelenski ≈ zelensky.
 */

/** Distance between `a` and `b`, or `max + 1` as soon as it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  const n = y.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** How many edits a query of this key may be off by: none for short keys, more for long Latin names. */
export function allowedEdits(key: string, latin: boolean): number {
  const len = [...key].length;
  if (!latin) return len >= 3 ? 1 : 0;
  if (len <= 4) return 0;
  if (len <= 7) return 1;
  if (len <= 12) return 2;
  return 3;
}
