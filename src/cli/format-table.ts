/** Plain-text tables for the operator commands (`newsbot subscriptions`, `newsbot deliveries`). */

const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);

/** Left-aligned columns separated by two spaces; CJK characters count double so columns line up in a terminal. */
export function formatTable(header: string[], rows: string[][]): string {
  const clean = rows.map((r) => r.map((c) => c.replace(/[\r\n\t]+/g, ' ')));
  const widths = header.map((h, i) => Math.max(width(h), ...clean.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ');
  return [line(header), ...clean.map(line)].join('\n') + '\n';
}
