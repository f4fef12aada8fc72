/**
 * People named with a compound surname (欧阳明轩, 司马云峰, 诸葛文博, 夏侯佳怡): jieba's dictionary
 * knows few such names, so it cuts them (诸葛/nr 文博/x, 欧阳明/nr 轩/nr, 公孙/n 博/nr) and the
 * single-surname rules do not see one. The surname and the one or two characters of given name
 * after it are the person. Only compound surnames that are not also common words (东方, 西门 are).
 */
import { push, type Rule } from './rule-scan.ts';
import { isChineseSurnameStart } from './name-lexicon.ts';

const COMPOUND = new Set(['欧阳', '司马', '诸葛', '上官', '令狐', '端木', '公孙', '夏侯', '司徒', '宇文', '慕容', '皇甫', '尉迟', '轩辕', '澹台']);
// What a given name is not: function words, numbers, times, punctuation.
const NOT_GIVEN = /^(?:p|c|u|uj|ul|uz|ug|uv|ud|r|m|mq|q|f|t|tg|w|e|y|o)$/;
const SPEECH = /^(?:说|称|表示|指出|认为|强调|介绍|透露|等|和|与|及|在|是)$/;
// A function character the HMM glued to the given name (尉迟/nr 恒在/x, 慕容/nr 晓晓在/x).
const GLUED_END = new Set('在是说和与的将也为等及从对向已曾');

/** A compound surname and its given name: 欧阳明/nr 轩/nr, 诸葛/nr 文博/x, 公孙/n 博/nr, 尉迟/nr 恒在/x. */
export const compoundSurname: Rule = (s, i) => {
  const t = s.tokens[i];
  if (t.word.length < 2 || t.word.length > 4 || !COMPOUND.has(t.word.slice(0, 2))) return -1;
  let end = t.end;
  let k = i;
  let given = t.word.length - 2;
  while (given < 2) {
    const n = s.tokens[k + 1];
    if (!n || n.start !== end || !/^\p{Script=Han}+$/u.test(n.word) || NOT_GIVEN.test(n.tag) || SPEECH.test(n.word)) break;
    // The given name's characters before a glued function character.
    let take = n.word.length;
    if (take > 1 && GLUED_END.has(n.word[take - 1])) take--;
    if (given + take > 2 || (take < n.word.length && n.tag !== 'x')) break;
    given += take;
    end = n.start + take;
    k++;
    if (take < n.word.length) break;
  }
  if (given === 0) return -1;
  push(s, t.start, end, 'PER');
  return k;
};

// Courtesy and kinship titles after a surname (黄伯, 张师傅, 林阿嬤): the surname alone is the person.
const COURTESY_WORD = /^(\p{Script=Han})(?:先生|女士|小姐|太太|师傅|伯|阿伯|阿嬷|阿婆|阿姨|大爷|大妈|大娘)$/u;

/** A surname and a courtesy title the HMM holds as one word (黄伯/x, 张师傅/nr): the surname is the person. */
export const surnameCourtesy: Rule = (s, i) => {
  const t = s.tokens[i];
  const m = COURTESY_WORD.exec(t.word);
  if (!m || !isChineseSurnameStart(m[1]) || !/^(?:x|nr|nrfg|nrt|n)$/.test(t.tag)) return -1;
  push(s, t.start, t.start + 1, 'PER');
  return i;
};
