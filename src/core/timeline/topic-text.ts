/**
 * Whether a timeline event is about a topic, from the event's shown text, its sentence and the
 * sentence before (issue 12: the clause names the topic, or a pronoun refers back to a sentence
 * that does). Pure and cheap: a few string tests per event, no script conversion of the texts.
 */
import { splitSentences } from './sentences.ts';
import { SPEECH_END } from './extract-events.ts';

/** A topic test (see topicMatcher): does this text name the topic? */
export type NamesTopic = (text: string) => boolean;

// A subject pronoun opening a sentence refers back to the sentence before. Not 他人 (others),
// 他國 (other countries), and not English "it" (mostly "it is…", about nothing before).
const PRONOUN = /^\s*[「“"]?(?:他們|她們|他们|她们|它們|它们|[他她](?![人國国鄉乡方])|它|(?:該|该)(?:公司|集團|集团|組織|组织|機構|机构|企業|企业|國|国|市|省|黨|党)|(?:he|she|they)(?![\p{L}]))/iu;

function bigrams(s: string): string[] {
  const t = s.replace(/[^\p{L}\p{N}]+/gu, '');
  const out: string[] = [];
  for (let i = 0; i + 2 <= t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}

/**
 * The sentence of `para` that an event's text was taken from (the one holding most of its
 * bigrams: the text lost its date words, so it is not a substring), the sentence before it, and
 * the part of the sentence before the text (a dropped attribution such as 川普表示，).
 */
export function sentenceOf(para: string, text: string): { sentence: string; previous: string; before: string } | null {
  const sentences = splitSentences(para);
  // Mostly the text's opening is in one sentence as is; bigrams when the date words were inside
  // it, or when several sentences open alike (1月7日，首例… 1月9日，首例…).
  const probe = [...text].slice(0, 6).join('');
  const hits = sentences.flatMap((s, i) => (s.text.includes(probe) ? [i] : []));
  let best = hits.length === 1 ? hits[0] : -1;
  if (hits.length !== 1) {
    const all = bigrams(text.replace(/…$/, ''));
    // A sample keeps the cost flat for long texts.
    const grams = all.filter((_, i) => i % Math.ceil(all.length / 24 || 1) === 0);
    let bestShare = 0.5;
    sentences.forEach((s, i) => {
      const share = grams.filter((g) => s.text.includes(g)).length / (grams.length || 1);
      if (share > bestShare) [best, bestShare] = [i, share];
    });
  }
  if (best < 0) return null;
  const sentence = sentences[best].text;
  // Where the shown text starts: its longest opening found in the sentence (a date may follow it).
  const chars = [...text];
  let start = -1;
  for (let n = Math.min(6, chars.length); n >= 2 && start < 0; n--) start = sentence.indexOf(chars.slice(0, n).join(''));
  return { sentence, previous: best > 0 ? sentences[best - 1].text : '', before: start > 0 ? sentence.slice(0, start) : '' };
}

/**
 * Whether an event is about the topic (issue 12): its text names it; or the attribution its text
 * is shown without does (川普表示，…); or it opens with a pronoun right after a sentence naming it.
 * A name elsewhere in a long sentence, beyond the clauses shown, or only in the article's headline
 * does not make the event the topic's: a report on one thing mentions many others.
 */
export function eventIsAbout(names: NamesTopic, event: { text: string; paragraph_text?: string | null }): boolean {
  if (names(event.text)) return true;
  const at = event.paragraph_text ? sentenceOf(event.paragraph_text, event.text) : null;
  if (!at) return false;
  // Only the speaker's own clause: 高端疫苗相當搶手，陳時中說，… is his word, not the vaccine's event.
  const attribution = at.before.replace(/[，,：:\s]+$/, '').split(/[，,：:]/).pop() ?? '';
  if (attribution && SPEECH_END.test(attribution) && names(attribution)) return true;
  return (PRONOUN.test(event.text) || PRONOUN.test(at.sentence)) && !!at.previous && names(at.previous);
}
