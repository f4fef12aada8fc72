/**
 * One name, one meaning per article: a name the rules found where its context showed it (教授
 * 乐黛云 说) is the same name wherever else the article writes it, though nothing beside it there
 * says so (乐黛云 认为). Only names of three characters or more: shorter ones are as often words.
 */
import type { ArticleNames } from './article-names.ts';
import type { NameSpan, NameType } from './recognize-names.ts';

const HAN_ONLY = /^[\p{Script=Han}·]+$/u;

/** `names` with every other occurrence of a found person or organisation added, in `title` and `paragraphs`. */
export function spreadRepeatedNames(names: ArticleNames, paragraphs: string[], title = ''): ArticleNames {
  const found = new Map<string, NameType>();
  for (const list of [names.title, ...names.paragraphs]) {
    for (const s of list) if ((s.type === 'PER' || s.type === 'ORG') && s.text.length >= 3 && HAN_ONLY.test(s.text)) found.set(s.text, s.type);
  }
  if (!found.size) return names;
  const spread = (text: string, list: NameSpan[]): NameSpan[] => {
    let added: NameSpan[] | undefined;
    for (const [name, type] of found) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        const end = at + name.length;
        const overlaps = (s: NameSpan) => s.start < end && at < s.end;
        if (added?.some(overlaps)) continue;
        const under = list.filter(overlaps);
        // A shorter name of the same kind inside this one is where the rules cut it short (陈其/x
        // 迈/v: 陳其 for 陳其邁): the whole name replaces it.
        if (under.some((s) => s.type !== type || s.start < at || s.end > end || s.end - s.start === end - at)) continue;
        if (under.length) list = list.filter((s) => !under.includes(s));
        (added ??= []).push({ start: at, end, text: name, type });
      }
    }
    return added ? [...list, ...added].sort((a, b) => a.start - b.start) : list;
  };
  return { title: spread(title, names.title), paragraphs: names.paragraphs.map((list, i) => spread(paragraphs[i] ?? '', list)) };
}
