import type { CommandDef } from '../src/core/contract/types.ts';
import { UserError } from '../src/core/contract/errors.ts';
import { checkTextArg } from './latest.ts';
import { refuseFollowUnlessAdmin } from './follow.ts';
import { resolveFollowTarget } from '../src/core/follow/follow-target.ts';
import { politeReply } from './subscription-replies.ts';
import { foldForMatch } from '../src/core/text/normalize.ts';

const usage = { en: 'Usage: /unfollow <what you follow | all>, e.g. /unfollow zelensky', 'zh-TW': '用法：/unfollow <追蹤項目 | all>，例如 /unfollow 澤倫斯基' };

/** /unfollow <what | all>: stops alerts for one followed item (as typed, any spelling of the same person, or its story number) or all. */
export const unfollowCommand = {
  name: 'unfollow',
  description: { en: 'Stop following a person, topic or story', 'zh-TW': '取消追蹤人物、主題或新聞' },
  options: [{ name: 'what', description: { en: 'What to stop following, or all', 'zh-TW': '要取消的項目，或 all' }, type: 'string', required: true, rest: true }],
  examples: ['/unfollow 澤倫斯基', '/unfollow all'],
  async run({ args, lang, chat }, { stores }) {
    const what = checkTextArg(args.what, 100, usage);
    if (!what) throw new UserError('missing-unfollow', { en: `Stop following what? ${usage.en}`, 'zh-TW': `要取消追蹤什麼？${usage['zh-TW']}` });
    const refusal = await refuseFollowUnlessAdmin(chat, lang);
    if (refusal) return refusal;
    const store = stores.follows;
    const mine = await store.listByChat(chat.platform, chat.chatId);
    const en = lang === 'en';
    if (!mine.length) return politeReply(lang, 'This chat follows nothing. Start with /follow.', '這個聊天室沒有追蹤任何項目。用 /follow 開始追蹤。');
    let gone = mine;
    if (!/^(all|全部)$/i.test(what)) {
      const t = await resolveFollowTarget(stores, what);
      const key = foldForMatch(what);
      gone = mine.filter((f) => (f.kind === t.kind && f.target === t.target) || foldForMatch(f.label) === key);
      if (!gone.length) {
        return politeReply(lang, `This chat does not follow “${what}”. See /following.`, `這個聊天室沒有追蹤「${what}」。請看 /following。`);
      }
    }
    for (const f of gone) await store.remove(f);
    const labels = gone.map((f) => f.label).join(en ? ', ' : '、');
    return { kind: 'ok', intro: en ? `Stopped following ${labels}.` : `已取消追蹤：${labels}。`, items: [], articles: [] };
  },
} satisfies CommandDef;
