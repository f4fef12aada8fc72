/**
 * `npm run eval who`: /who on the 325 real posts of test/fixtures/corpus/. Each (entity, spelling)
 * pair below is asked as a user would; the articles returned are scored against grep truth: the
 * stored articles whose title or body contains any spelling listed for that entity (both scripts;
 * Latin spellings as whole, case-sensitive words). The spelling lists were written by hand from
 * reading the corpus, not produced by the code under test. Baseline, same run: the alias data
 * alone (curated + learned pairs), i.e. /who before names were recognised in the text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { whoCommand } from '../../commands/who.ts';
import { scriptVariants } from '../../src/core/entities/fold.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const CORPUS = 'test/fixtures/corpus';

/** Entity label → every spelling that names it in the corpus (Chinese and English posts); each spelling is asked as a /who. */
const CHECKS: Record<string, string[]> = {
  毛泽东: ['毛泽东', '毛澤東', 'Mao Zedong'],
  邓小平: ['邓小平', '鄧小平', 'Deng Xiaoping'],
  习近平: ['习近平', '習近平', 'Xi Jinping'],
  李克强: ['李克强', '李克強', 'Li Keqiang'],
  刘晓波: ['刘晓波', '劉曉波', 'Liu Xiaobo'],
  王丹: ['王丹'],
  马云: ['马云', '馬雲', 'Jack Ma'],
  马英九: ['马英九'],
  江泽民: ['江泽民', 'Jiang Zemin'],
  周永康: ['周永康'],
  薄熙来: ['薄熙来', 'Bo Xilai'],
  特朗普: ['特朗普', '川普', 'Trump'],
  普京: ['普京', '普丁'],
  奥巴马: ['奥巴马', '歐巴馬', 'Obama'],
  希拉里: ['希拉里'],
  扎克伯格: ['扎克伯格'],
  斯诺登: ['斯诺登', '斯諾登', 'Snowden'],
  尼克松: ['尼克松'],
  华为: ['华为', '華為', 'Huawei'],
  腾讯: ['腾讯', '騰訊', 'Tencent'],
  百度: ['百度', 'Baidu'],
  阿里巴巴: ['阿里巴巴', 'Alibaba'],
  谷歌: ['谷歌', 'Google'],
  微软: ['微软', '微軟', 'Microsoft'],
  新华社: ['新华社', 'Xinhua'],
  人民日报: ['人民日报', 'People’s Daily'],
  国务院: ['国务院', 'State Council'],
  中宣部: ['中宣部', 'Central Propaganda Department'],
  公安部: ['公安部', 'Ministry of Public Security'],
  维基百科: ['维基百科'],
  新疆: ['新疆', 'Xinjiang'],
  西藏: ['西藏', 'Tibet'],
};

/**
 * Longer words that hold a spelling but name something else, left out of the grep truth: 升华为
 * ("sublimate into") is not Huawei, 公安部门 ("public security departments") not the Ministry,
 * 美国国务院 the US State Department, not the State Council.
 */
const NOT_THE_ENTITY: Record<string, string[]> = {
  华为: ['升华为'],
  公安部: ['公安部门'],
  国务院: ['美国国务院'],
};

const ctx = { platform: 'terminal' as const, chatId: 'eval', userId: 'eval', isGroup: false, isAdmin: async () => true };

function contains(text: string, spelling: string): boolean {
  if (/\p{Script=Han}/u.test(spelling)) return scriptVariants(spelling).some((v) => text.includes(v));
  return new RegExp(`(?<![A-Za-z])${spelling}(?![A-Za-z])`).test(text);
}

/** Ingests the corpus into a temporary database and prints per-pair precision and recall, then the totals. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-eval-who-'));
  try {
    const db = openDatabase(join(dir, 'who.db'));
    await ingestPaths(sqliteStores(db), [CORPUS]);
    const articles = db.prepare(`SELECT id, title, body FROM articles`).all() as { id: number; title: string; body: string }[];
    let ok = 0;
    let okBase = 0;
    let pairs = 0;
    let wrongEntity = 0;
    const rows: string[] = [];
    for (const [label, spellings] of Object.entries(CHECKS)) {
      const without = (text: string) => (NOT_THE_ENTITY[label] ?? []).flatMap(scriptVariants).reduce((t, w) => t.split(w).join('\u3000'), text);
      const truth = new Set(articles.filter((a) => spellings.some((s) => contains(without(`${a.title}\n${a.body}`), s))).map((a) => a.id));
      if (!truth.size) continue;
      const answered = new Map<string, string>();
      for (const s of spellings) {
        pairs++;
        const reply = await whoCommand.run({ args: { name: s }, lang: 'zh-TW', chat: ctx }, { stores: sqliteStores(db), now: () => new Date() });
        const data = (reply.data ?? {}) as { match?: string; entity?: { id: string } | null; articles?: number[] };
        const got = new Set(data.entity ? data.articles ?? [] : []);
        const tp = [...got].filter((id) => truth.has(id)).length;
        const p = got.size ? tp / got.size : 0;
        const r = tp / truth.size;
        const good = p >= 0.9 && r >= 0.9;
        if (good) ok++;
        // The baseline knew only aliases: a name found in the text was "not found" for it.
        const viaAlias = !!data.entity && !data.entity.id.startsWith('n:');
        if (good && viaAlias) okBase++;
        if (data.entity) answered.set(s, data.entity.id);
        rows.push(`${good ? 'ok  ' : 'FAIL'} ${label}/${s}: truth ${truth.size}, got ${got.size}, P ${p.toFixed(2)} R ${r.toFixed(2)} (${data.match ?? '?'} ${data.entity?.id ?? '-'})`);
      }
      // Spellings of one entity must answer with one entity; a different one is "another entity".
      if (new Set(answered.values()).size > 1) wrongEntity++;
    }
    console.log(rows.join('\n'));
    console.log(`pairs with P and R ≥ 0.9: newsbot ${ok}/${pairs} (${((100 * ok) / pairs).toFixed(1)} %), baseline (aliases only) ${okBase}/${pairs} (${((100 * okBase) / pairs).toFixed(1)} %); entities answered under two ids: ${wrongEntity}`);
    console.log('target: ≥ 95 % of pairs, no answer another entity');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
