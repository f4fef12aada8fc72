/**
 * Text in an article body that is not the article speaking: photo captions, bibliography and
 * reference lines, inline citations. Their dates are a picture's or a source's, not events.
 */

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
// Wire-style captions end with ", <place>, <Month> <D>, <YYYY>." (a comma, no "on"), maybe a credit.
const CAPTION_DATE_END = new RegExp(`,\\s*${MONTH}\\s+\\d{1,2},\\s*\\d{4}\\.?\\s*(?:[(（][^)）]{0,40}[)）]\\.?)?$`);
const REFERENCE_HEAD = /^(?:參考資料|参考资料|參考文獻|参考文献|資料來源|资料来源|延伸閱讀|延伸阅读|References|Bibliography|Sources|Notes|註釋|注释|註解|注解)\s*[:：]?/i;
// Words that mark a line or bracket as a source: a publisher, pages, ISBN, retrieved or archived on.
const SOURCE_WORDS = '出版社|Press|pp?\\.\\s*\\d|頁\\d|页\\d|ISBN|doi:|Retrieved|取自|檢索於|检索于|存档于|存檔於';
const SOURCE_MARK = new RegExp(`(?:${SOURCE_WORDS}|Archived)`, 'i');
const SOURCE_LINE = new RegExp(`^(?:\\[\\d+\\]|\\d+\\.\\s|[-•]\\s)?[^。！？]{0,120}(?:${SOURCE_WORDS})`, 'i');

/** Photo captions (圖／…, （圖：…）, Photo: …) and bibliography or reference lines are not events. */
export function isCaptionOrReference(p: string): boolean {
  const t = p.trim();
  if (/^(?:[（(]?(?:圖|图|照片|相片|攝影|摄影|資料照|资料照)\s*[／/:：）)]|photo\s*[:：]|image\s*[:：]|▲|△)/i.test(t)) return true;
  if (SOURCE_LINE.test(t)) return true;
  // English photo captions: "X, part of Y, is seen in…", "… (Getty Images)", a present-tense
  // scene dated at its end ("A man arrives for evening prayers …, September 22, 2015.").
  if (t.length < 350 && /\d{1,2},? \d{4}\.?\s*(?:[(（][^)）]{0,40}[)）]\.?)?$/.test(t) && /\b(?:arrives?|attends?|shows?|walks?|speaks?|stands?|sits?|waits?|holds?|looks?|gestures?|poses?|leaves?|listens?|delivers?|visits?|rides?|prays?|wears?|gathers?|march(?:es)?|protests?|celebrates?|queues?|rall(?:y|ies)|takes? part|(?:third |second )?from (?:left|right))\b/i.test(t)) return true;
  // One short sentence closing on ", Month D, YYYY.": the wire caption's form, whatever its verb.
  if (t.length < 350 && CAPTION_DATE_END.test(t) && !/\.\s+[A-Z“"]/.test(t.replace(/\b(?:[A-Z]|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Ms|Mrs|Dr|St|U\.S)\.\s/g, ''))) return true;
  if (/\b(?:is|are) (?:seen|pictured)\b|\bpictured\b.{0,80}$|[（(]?\b(?:Getty Images|AFP|Reuters|AP Photo|Xinhua|Photo by)\b[^.]{0,60}[)）]?\.?$/i.test(t) && t.length < 300) return true;
  // An English footnote: "See my interview with Hu, …, NYR Daily, May 27, 2015."
  if (t.length < 400 && /^(?:\[?\d{1,3}[\].]?\s*)?(?:See|See also|Cf\.|Ibid\.?)\s/.test(t) && /\d{4}/.test(t)) return true;
  // 参考资料：中国互联网络信息中心…: a labelled reference, or the heading of a reference section.
  return REFERENCE_HEAD.test(t) && (t.replace(REFERENCE_HEAD, '').trim().length === 0 || /^(?:參考|参考|References|Bibliography|Sources)/i.test(t));
}

/** The heading of a reference or notes section: what follows it are sources, not events. */
export function isReferenceHeading(p: string): boolean {
  const t = p.trim();
  return REFERENCE_HEAD.test(t) && t.replace(REFERENCE_HEAD, '').trim().length === 0;
}

/** Blanks (same length, so offsets hold) inline citations: [Shearlaw, Maeve (2 April 2015). … Retrieved 4 February 2017.] */
export function blankCitations(text: string): string {
  return text.replace(/\[[^[\]]{0,400}\]|［[^［］]{0,400}］/g, (m) => (SOURCE_MARK.test(m) ? ' '.repeat(m.length) : m));
}
