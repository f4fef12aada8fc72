/**
 * `npm run eval ner-tw`: how many people Taiwanese news names does the recogniser find? There is no
 * gold for test/fixtures/dev/news-tw/, so the check is automatic: spans the text frames as a name
 * (a title or role, then a surname and two characters, or two to eight transliteration characters,
 * then a verb of speech, a time word or punctuation: 指揮官陳時中表示, 州長佩羅特（) and whether
 * the names ingest stores for the article (recognised per paragraph, then spread over the article's
 * other occurrences) include exactly that span as a person. Baseline in the same run: jieba's own tags
 * (one nr/nrt/nrfg word over exactly the span) on the same text in Simplified. A recall figure on
 * frames only: names outside such frames, and false names, are not counted.
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { recognizeArticleNames } from '../../src/core/entities/article-names.ts';
import { spreadRepeatedNames } from '../../src/core/entities/repeated-names.ts';
import { isTranslitWord, PERSON_TAGS } from '../../src/core/entities/foreign-names.ts';
import { toSimplified } from '../../src/core/text/script.ts';

const FILE = 'test/fixtures/dev/news-tw/covid-2021-12.jsonl';
const TITLE = '(?:記者|部長|市長|縣長|署長|局長|主任|醫師|教授|院長|總統|總理|首相|外長|立委|議員|發言人|指揮官|理事長|董事長|執行長|秘書長|主席|校長|所長|處長|科長|專家|委員|官員|學家|總監|總裁|大使|州長|教練)';
const CLOSE = '(?=表示|說|指出|強調|認為|坦言|透露|提醒|呼籲|警告|今天|昨天|今|昨|日前|也|[，、（(])';
// Taiwan's hundred most common surnames, written here rather than taken from the recogniser's own list,
// so the frames do not move when that list does.
const SURNAMES = new Set('陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹施胡沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温溫唐藍石蔣古紀姚連馮歐程湯黄田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃邵錢岳褚池甘');
const FRAMES: [string, RegExp, (s: string, original: string) => boolean][] = [
  ['Chinese names (surname + two characters)', new RegExp(`${TITLE}([\\u4e00-\\u9fff]{3})${CLOSE}`, 'g'), (_, o) => SURNAMES.has(o[0])],
  ['transliterated names (2–8 characters)', new RegExp(`${TITLE}([\\u4e00-\\u9fff]{2,8}?)${CLOSE}`, 'g'), (s, o) => isTranslitWord(s) && !SURNAMES.has(o[0])],
];

/** Per kind of frame: how many spans were framed, and how many of them ingest's names and jieba's tags give as a person. */
export function frameRecall(): { label: string; n: number; ours: number; base: number }[] {
  const articles = readFileSync(FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; content: string });
  // What ingest stores: each article's names, recognised per paragraph and spread over the article.
  const paragraphs = articles.flatMap((a) => {
    const paras = String(a.content).split('\n');
    const names = spreadRepeatedNames(recognizeArticleNames(a.title, paras), paras, a.title);
    return paras.map((text, i) => ({ text, spans: names.paragraphs[i] }));
  });
  const jieba = Jieba.withDict(dict);
  return FRAMES.map(([label, re, keep]) => {
    let n = 0;
    let ours = 0;
    let base = 0;
    for (const { text: p, spans } of paragraphs) {
      const simp = toSimplified(p);
      let tokens: { start: number; end: number; tag: string }[] | undefined;
      for (const m of p.matchAll(re)) {
        const start = m.index! + m[0].length - m[1].length;
        const end = start + m[1].length;
        if (!keep(simp.slice(start, end), m[1])) continue;
        n++;
        if (spans.some((s) => s.type === 'PER' && s.start === start && s.end === end)) ours++;
        tokens ??= tokenOffsets(jieba, simp);
        if (tokens.some((t) => PERSON_TAGS.has(t.tag) && t.start === start && t.end === end)) base++;
      }
    }
    return { label, n, ours, base };
  });
}

export async function run(): Promise<void> {
  console.log(`${FILE}: spans framed as a person's name; found = exactly that span among the article's stored names`);
  for (const { label, n, ours, base } of frameRecall()) console.log(`${label.padEnd(44)} newsbot ${pct(ours, n)}   baseline (jieba tags) ${pct(base, n)}`);
}

function tokenOffsets(jieba: Jieba, text: string): { start: number; end: number; tag: string }[] {
  let at = 0;
  return jieba.tag(text, true).map((w) => {
    const start = text.indexOf(w.word, at);
    at = start + w.word.length;
    return { start, end: at, tag: w.tag };
  });
}

const pct = (a: number, n: number) => `${n ? ((100 * a) / n).toFixed(1) : '—'} % (${a}/${n})`;
