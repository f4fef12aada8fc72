/**
 * What follows a bare surname when news names a person by surname and title (王先生, 陈教授, 江主席,
 * 李大娘): one list for the rules that read it (name-rules.ts, glued-names.ts, titled-names.ts).
 */

// Courtesy titles: the surname alone is the person (孙先生 is marked 孙).
const COURTESY = ['先生', '女士', '小姐', '太太', '老师', '教授', '师傅'];
// Elders addressed by surname (李大娘, 王大爷).
const ELDERS = ['大娘', '大爷', '大妈', '阿伯', '阿嬷', '阿婆', '伯伯', '阿姨'];
// Offices: after one a surname is a person even when it is often a plain character (江主席, 高书记).
const OFFICES = ['主席', '局长', '副局长', '市长', '县长', '外长', '厂长', '书记', '主任', '经理', '部长'];

const TITLES = new Set([...COURTESY, ...ELDERS, ...OFFICES]);
const OFFICE_SET = new Set(OFFICES);

/** Whether `word` is a title news writes right after a bare surname. */
export function isSurnameTitle(word: string): boolean {
  return TITLES.has(word);
}

/** Whether `word` is an office (江主席): a surname before it is one whatever else the character is. */
export function isOffice(word: string): boolean {
  return OFFICE_SET.has(word);
}

/** A surname and a courtesy title, the whole word (孙先生, 李老师). */
export const SURNAME_COURTESY = new RegExp(`^.(?:${COURTESY.join('|')})$`);
