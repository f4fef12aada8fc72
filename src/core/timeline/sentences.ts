/**
 * Sentence splitting shared by event extraction and the topic test, so both read the same
 * sentence for an event.
 */

/** Splits a paragraph into sentences with their offsets (Chinese 。！？； and English . ! ?). */
export function splitSentences(p: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？；!?]+(?:[。！？；!?]+|$)/g;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    // English sentences end with ". " followed by a capital letter.
    const piece = m[0];
    let from = 0;
    const en = /\.\s+(?=[A-Z“"])/g;
    for (let e = en.exec(piece); e; e = en.exec(piece)) {
      out.push({ text: piece.slice(from, e.index + 1), start: m.index + from });
      from = e.index + e[0].length;
    }
    if (piece.slice(from).trim()) out.push({ text: piece.slice(from), start: m.index + from });
  }
  return out;
}
