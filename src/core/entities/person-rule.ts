/**
 * The rule of last resort in name-rules.ts: a word the HMM or the dictionary reads as a person's
 * name (isChineseName, isForeignName), with the pieces jieba cut it into put back on.
 */
import { isTranslitChar } from './alias-pairs.ts';
import { isTranslitWord, translitRun } from './foreign-names.ts';
import { allHan, isDictionaryWord, type Token } from './segment-names.ts';
import { NOT_GIVEN_END } from './name-lexicon.ts';
import { isChineseName, isForeignName, THIRD_TAGS } from './person-words.ts';
import { push, type Rule } from './rule-scan.ts';
import { DIVISION, usedAsPredicate } from './place-rules.ts';

/** A Chinese name the HMM or the dictionary found, or a transliterated foreign one, with the pieces it was cut into. */
export const person: Rule = (s, i) => {
  const { tokens } = s;
  const t = tokens[i];
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const chinese = isChineseName(t, next, prev);
  // A transliteration glossed by its Latin spelling (佛奇/x （Anthony Fauci）), as Taiwanese news writes a foreign name first.
  const glossed = !chinese && t.tag === 'x' && t.word.length === 2 && allHan(t.word) && isTranslitWord(t.word) && latinGlossAt(tokens, i + 1, t.end, true);
  if (!chinese && !glossed && !isForeignName(t, prev, next, translitRun(tokens, i + 1, t.word.length) > i + 1)) return -1;
  if (t.tag !== 'x' && usedAsPredicate(tokens, i)) return -1;
  let end = t.end;
  let k = i + 1;
  // A name the HMM cut before its last given-name character (汪明/x 新/a, 金志/n 贤/zg).
  const third = k < tokens.length ? tokens[k] : undefined;
  if (chinese && t.word.length === 2 && t.tag === 'x' && third && third.start === end && third.word.length === 1 && (THIRD_TAGS.has(third.tag) || (third.word === '之' && t.word[1] !== '氏')) && !NOT_GIVEN_END.has(third.word)) {
    end = third.end;
    k++;
  }
  // An unknown foreign name cut into pieces (斯诺/nr 登/v, 普里马/nr 科夫): the pieces go back on.
  if (!chinese) {
    k = translitRun(tokens, k, t.word.length);
    end = tokens[k - 1].end;
    const glued = k < tokens.length ? tokens[k] : undefined;
    if (k === i + 1 && glued && glued.tag === 'x' && glued.start === end && glued.word.length === 2 && isTranslitChar(glued.word[0]) && isDictionaryWord(glued.word[1]) && !isDictionaryWord(glued.word)) {
      // …or glued by the HMM to the word after it (斯诺/nr 登说/x); 阿拉布/nr 拉州/x is a state.
      end = glued.start + 1;
      k++;
      if (DIVISION.has(glued.word[1])) {
        push(s, t.start, glued.end, 'LOC');
        return k - 1;
      }
    }
    // A last syllable jieba read as a function word (特米/nrt 多/m 指出, 佩罗/nrt 特/d （Dominic…）) is the
    // name's when a verb of speech or the name's Latin spelling follows it at once.
    const last = k < tokens.length ? tokens[k] : undefined;
    const speech = k + 1 < tokens.length ? tokens[k + 1] : undefined;
    // (After a piece of two characters: a name jieba holds whole, 克林顿/nr 多说, is complete.)
    if (last && last.start === end && tokens[k - 1].word.length === 2 && last.word.length === 1 && isTranslitChar(last.word) && /^(?:d|m|q|c|p)$/.test(last.tag)
      && ((speech && speech.start === last.end && SPEECH_AFTER.test(speech.word)) || latinGlossAt(tokens, k + 1, last.end))) {
      end = last.end;
      k++;
    }
    // A transliteration followed by an administrative suffix is a place (特勒/nrt 拉斯/nrt 县).
    const suffix = k < tokens.length ? tokens[k] : undefined;
    if (suffix && suffix.start === end && DIVISION.has(suffix.word)) {
      push(s, t.start, suffix.end, 'LOC');
      return k;
    }
  }
  push(s, t.start, end, 'PER');
  return k - 1;
};

/**
 * Whether tokens[j] opens a bracket right at `at` and a capitalised Latin word follows it (（Marta, (Dominic);
 * `full`: a first and a last name (（Anthony Fauci), not a body's one word (（Monash）).
 */
function latinGlossAt(tokens: Token[], j: number, at: number, full = false): boolean {
  const open = tokens[j];
  const word = tokens[j + 1];
  if (!(open && open.start === at && (open.word === '（' || open.word === '(') && word && word.start === open.end && /^[A-Z][a-z]+$/.test(word.word))) return false;
  return !full || (tokens[j + 2]?.word === ' ' && /^[A-Z][a-z]+$/.test(tokens[j + 3]?.word ?? ''));
}

// Verbs of speech a name is followed by (not titles: 多 部长 is "many ministers").
const SPEECH_AFTER = /^(?:说|表示|指出|认为|强调|称|宣布|透露|坦言|警告|呼吁|提醒|补充)$/;
