/**
 * Decides which parser a document needs, from its name and its first lines only.
 * Shapes: jekyll (front matter), html (.html/.htm or a leading doctype/<html>), markdown
 * (.md without front matter), plain-text
 * (title, date, prose) and page-dump (a web page saved as text, full of furniture).
 */
import { hasFrontMatter } from './front-matter.ts';
import { classifyLines, isTitleLike } from './text-lines.ts';

/** The document shapes with a parser each. */
export type Shape = 'jekyll' | 'html' | 'markdown' | 'plain-text' | 'page-dump';

/** Detects the document shape; never fails (text that is not another shape is a page dump). */
export function detectShape(text: string, name: string): Shape {
  if (hasFrontMatter(text)) return 'jekyll';
  if (/\.x?html?$/i.test(name) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text)) return 'html';
  if (/\.(?:md|markdown)$/i.test(name)) return 'markdown';
  return looksLikePlainArticle(text) ? 'plain-text' : 'page-dump';
}

/** A title line, optionally a date line, then prose: no furniture markers, menus, captions or bylines. */
function looksLikePlainArticle(text: string): boolean {
  const lines = classifyLines(text);
  if (lines.length < 2) return true;
  if (!isTitleLike(lines[0])) return false;
  let shorts = 0;
  let paras = 0;
  for (const l of lines.slice(1)) {
    if (l.kind === 'marker' || l.kind === 'menu' || l.kind === 'caption' || l.kind === 'byline' || l.kind === 'dateline') return false;
    if (l.kind === 'para') paras++;
    else if (l.kind === 'short') shorts++;
  }
  return paras > 0 && shorts <= Math.max(2, paras / 2);
}
