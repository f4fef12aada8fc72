/**
 * The timeline picture attached to /timeline and /story replies: the same events as the text,
 * drawn by src/core/render in the reply's script (Simplified labels and Noto Sans SC for zh-CN chats).
 * Drawing costs hundreds of milliseconds, so the command returns it undrawn (lazyPicture) and the
 * adapter draws it after the text is sent.
 */
import type { ReplyLang, ReplyPicture, TextLang } from '../src/core/contract/types.ts';
import type { Timeline } from '../src/core/timeline/build-timeline.ts';
import { renderTimelinePng } from '../src/core/render/timeline-png.ts';
import { simplifyKeeping } from '../src/core/text/reply-script.ts';
import { lazyPicture } from '../src/core/render/lazy-picture.ts';

function gapWords(days: number, en: boolean): string {
  if (days < 60) return en ? `${days} days later` : `${days} 天後`;
  const months = Math.round(days / 30.44);
  if (months < 24) return en ? `${months} months later` : `${months} 個月後`;
  const years = Math.round((days / 365.25) * 10) / 10;
  return en ? `${years} years later` : `${years} 年後`;
}

/**
 * The picture of `timeline`, not drawn yet (undefined when it has no events); `keep`: what the
 * user typed, left as typed in Simplified pictures.
 */
export function storyTimelineImage(
  timeline: Timeline,
  o: { lang: TextLang; replyLang?: ReplyLang; title: string; keep?: string[] },
): ReplyPicture | undefined {
  const entries = [...timeline.dated, ...timeline.undated];
  if (!entries.length) return undefined;
  const en = o.lang === 'en';
  const simp = o.replyLang === 'zh-CN';
  const conv = (s: string) => (simp ? simplifyKeeping(s) : s);
  const draw = async () => {
    const pic = await renderTimelinePng({
      title: simp ? simplifyKeeping(o.title, o.keep) : o.title,
      script: simp ? 'sc' : 'tc',
      events: entries.map((e) => ({ date: e.date, day: e.day, label: conv(e.text), outlets: e.outlets.map(conv) })),
      words: {
        undated: conv(en ? 'Day known, month not given' : '只知道日（原文沒有月份）'),
        dayLabel: (d) => conv(en ? `Day ${d}` : `${d}日`),
        gap: (days) => conv(gapWords(days, en)),
        unknownOutlet: conv(en ? 'outlet unknown' : '來源不明'),
      },
    });
    return { png: pic.png, width: pic.width, height: pic.height };
  };
  return lazyPicture('timeline.png', o.title, draw);
}
