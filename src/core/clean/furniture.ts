/**
 * Page furniture recognised line by line in text dumps: photo captions, section markers that
 * open related/recommended/comment blocks, tag lines and menu fragments. Rules are about the
 * shape of a line, never about particular sentences.
 */

const CAPTION_SOURCE =
  /[（(]?\s*(?:圖|图|圖片|图片|圖像|图像|照片|攝影|摄影|攝|摄|影片|示意圖|示意图|資料照|资料照|翻攝|翻摄|圖文|截圖|截图)\s*(?:來源|来源|提供)?\s*[／/:：]\s*[^，。,]{1,40}?[）)]?\s*$/;
const CAPTION_START = /^(?:▲|▼|△|▽|►|▶|↑|【圖】|\[圖\])/;
const CAPTION_EN_END = /\((?:[^()]{0,40}\s)?(?:file )?(?:photo|photograph|image|picture)s?(?:\s*(?:by|:|\/)\s*[^()]{0,50})?\)\s*$/i;
const CAPTION_EN_CREDIT = /(?:^|[.!?]\s+)(?:photo|photograph|image|picture|credit)s?\s*(?::|by)\s*[^.]{1,60}\.?\s*$/i;

const AGENCY_CREDIT =
  /(?:^|[—–\-/|·(（、]\s*|\bvia\s+|^(?:Photo|Image|Credit)s?\s*[:：].*?)(?:AFP|AP|EPA|Reuters|Getty Images|Bloomberg|Xinhua|Shutterstock|Associated Press|路透社?|法新社|美聯社|美联社|新華社|新华社|中新社|德新社|共同社|韓聯社|韩联社|塔斯社|中央社|達志影像|达志影像|視覺中國|视觉中国)(?:\s*(?:via|\/)\s*[\w .]+)?[)）]?\.?$/;

/** A photo credit: a short line naming a photographer and/or agency (Hector Retamal—AFP/Getty Images). */
export function isCreditLine(line: string): boolean {
  const s = line.trim();
  return s.length <= 80 && !/[。！？]/.test(s) && s.split(/\s+/).length <= 10 && AGENCY_CREDIT.test(s);
}

/** A photo/video caption line: ▲… （圖／路透）, …。圖／美聯社, 圖片來源：… */
export function isCaptionLine(line: string): boolean {
  const s = line.trim();
  if (isCreditLine(s)) return true;
  if (CAPTION_START.test(s)) return true;
  // 图为停车场道闸 资料图, 圖為…（記者攝）: mainland and Taiwanese caption openings and endings.
  if (s.length <= 80 && !/[。！？]$/.test(s) && (/^(?:图为|圖為|图：|圖：)/.test(s) || /(?:资料图|資料圖|资料照|資料照|摄|攝|攝影|摄影|供图|供圖)[)）]?(?:[\s\u3000]*(?:\d{2,4}年\d{1,2}月\d{1,2}日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}))?$/.test(s))) return true;
  // …（資料圖片）, …（档案照片）, …澎湃新闻记者 周鸣 图: a caption's closing credit.
  if (s.length <= 160 && /(?:[（(](?:資料|资料|檔案|档案)(?:圖片|图片|照片|相片|圖|图|照|影像)[）)]|(?:記者|记者)\s*\p{Script=Han}{2,4}\s*(?:攝|摄|圖|图))$/u.test(s)) return true;
  if (s.length <= 120 && /^(?:圖片來源|图片来源|圖像來源|图像来源|圖片提供|图片提供|圖源|图源|攝影|摄影|資料照|资料照|資料圖片|资料图片|資料照片|资料照片|Photo Credit)\s*[:：／/，,]/i.test(s)) return true;
  // Labelled captions: 圖說：…, 圖像加註文字，… (the words a page prints before an image's caption).
  if (s.length <= 200 && /^(?:圖說|图说|圖片說明|图片说明|圖像加註文字|图像加注文字|圖註|图注)\s*[:：，,]/.test(s)) return true;
  if (s.length > 200) return false;
  return (s.length <= 160 && CAPTION_SOURCE.test(s)) || CAPTION_EN_END.test(s) || CAPTION_EN_CREDIT.test(s);
}

const REPRINT_NOTE = /^[（(【\[]?(?:本文|本篇|此文|全文)(?:經|经|由|轉載自|转载自|轉自|转自|原載於|原载于|原載|原载|原刊於|原刊于|原刊|獲|获|取得|摘自|選自|选自)[^。]{0,40}?(?:授權|授权|轉載|转载|刊登|刊出|提供|同意|發表|发表)/;

/** Markers that open a non-article block (related news, recommendations, comments, sharing, footers). */
const BLOCK_MARKERS = [
  '延伸閱讀', '延伸阅读', '相關新聞', '相关新闻', '相關文章', '相关文章', '相關閱讀', '相关阅读', '推薦閱讀', '推荐阅读', '推薦文章',
  '更多新聞', '更多新闻', '熱門新聞', '热门新闻', '熱門文章', '最新新聞', '即時新聞', '看更多', '更多熱門',
  '商品推薦', '讀者迴響', '讀者回應', '網友回應', '留言', '則留言', '發表留言', '分享給朋友', '分享到', '追蹤我們',
  '關鍵字', '关键词', '關鍵詞', '標籤', '免費訂閱', '每日新聞精選', '訂閱電子報', '版權所有', '著作權聲明',
  '回到最上面', '回到頂部', '最夯影音', '熱門影音', '熱門快報', '快訊', '討論區', '猜你喜歡', '你可能也喜歡',
  '本文版權', '不得轉載', '廣告', '广告', 'Advertisement', 'Related', 'Read more', 'More stories',
  '您可能感兴趣的文章', '你可能感兴趣的文章', '您可能感興趣的文章', '相关资讯', '相關資訊', '相关推荐', '相關推薦', '热门推荐', '熱門推薦', '精彩推荐', '精彩推薦', '精编文章', '热点新闻', '熱點新聞',
  '猜你喜欢', '你可能感兴趣', '您可能感兴趣', '你可能感興趣', '您可能感興趣', '热门排行', '熱門排行', '排行榜', '网友评论', '網友評論',
  '特别声明', '特別聲明', '免责声明', '免責聲明', '加载更多', '載入更多', '更多新聞', '相关链接', '相關連結', '相關內容', '相关内容',
  '永久鏈接', '永久链接', '短網址', '短网址', 'Permalink',
];
const MARKER_RE = new RegExp(
  `^(?:[※#＃•·\\s]*)(?:\\S{0,8}?)(?:${BLOCK_MARKERS.map(escapeRe).join('|')})(?:[】〕\\]」》]|[:：\\s]|$)`,
  'i',
);

/** A short line naming a furniture block (延伸閱讀, 相關新聞, udn討論區, 0 則留言, ※本文版權所有…). */
export function isFurnitureMarker(line: string): boolean {
  const s = line.trim();
  if (s.length <= 300 && /^(?:特别声明|特別聲明|免责声明|免責聲明|版权声明|版權聲明|声明|聲明)\s*[:：]/.test(s)) return true;
  if (s.length <= 80 && /(?:未经|未經).{0,12}(?:授权|授權).{0,8}(?:转载|轉載)|(?:请勿|請勿|禁止|不得)(?:转载|轉載)/.test(s)) return true;
  // The republication note that closes a reprinted article (本文經《X》授權轉載, 本文由X提供).
  if (s.length <= 80 && REPRINT_NOTE.test(s)) return true;
  // 原创文章，作者：X，如若转载，请注明出处: a platform's reprint terms.
  if (s.length <= 100 && /如若转载|如若轉載|转载请注明|轉載請註明|转载请联系|轉載請聯繫/.test(s)) return true;
  // 《中国青年报》（2024年03月06日 05版）: where the print edition ran it.
  if (/^《[^《》]{2,14}》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*\d{1,3}\s*版)?\s*[)）]$/.test(s)) return true;
  if (isPromoSlot(s)) return true;
  if (s.length > 40) return false;
  if (/版權所有|版权所有|不得轉載|不得转载|All Rights Reserved|©/i.test(s)) return true;
  // 更多鏡週刊報導, 更多 NOWnews 今日新聞 報導: a site's own "more stories" heading.
  if (/^更多\s*\S.{0,14}?(?:報導|报道|文章|新聞|新闻|消息)$/.test(s)) return true;
  if (/[。！？]$/.test(s) && s.length > 12) return false;
  return MARKER_RE.test(s) || /^\d+\s*則留言/.test(s) || /著作權聲明/.test(s);
}

const AD_SLOT = /^(?:廣告|广告|advertisement|贊助|赞助|sponsored)(?:\s*[-–—:：]?\s*(?:請繼續往下閱讀|请继续往下阅读|繼續閱讀|继续阅读|continue reading|scroll to continue(?: with content)?))?$/i;

const INLINE_RELATED = /^[※#＃•·►▶▸\s]*[【〔\[]?(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|相關報導|相关报道|推薦閱讀|推荐阅读|推薦文章|更多新聞|更多新闻|看更多|你可能也喜歡|猜你喜歡|猜你喜欢)(?:\s*[:：]|[】〕\]])\s*\S.{3,}$/;

/**
 * A line that interrupts an article without ending it: an ad slot's label (廣告, Advertisement -
 * Continue reading below) or a single recommended link printed inside the body (延伸閱讀：<headline>).
 * Block markers standing alone (延伸閱讀, then a list) still end the body.
 */
export function isInterruption(line: string): boolean {
  const s = line.trim();
  return AD_SLOT.test(s) || isPromoSlot(s) || (s.length <= 80 && INLINE_RELATED.test(s));
}

// An ad's label glued to its text (广告WISE2024 大会报名开启), or a short call to subscribe or buy
// (首月只要1元 立即訂閱, 每月99元暢讀全文): not the article's words. Not 广告主/广告业 (the words).
const AD_GLUED = /^(?:廣告|广告)\s*(?![主商業业費费法牌界收投])\S/;
const PROMO_CALL = /(?:立即|马上|馬上|现在就|現在就)(?:订阅|訂閱|开通|開通|下载|下載|购买|購買|申办|申辦|体验|體驗)|首月只要|限時優惠|限时优惠|暢讀全文|畅读全文/;

/** A short ad or promotion line inside a body. */
export function isPromoSlot(line: string): boolean {
  const s = line.trim();
  return s.length <= 40 && !/[。！？]$/.test(s) && (AD_GLUED.test(s) || PROMO_CALL.test(s));
}

const PROMO =
  /(?:加入|追蹤|追踪|關注|关注|訂閱|订阅|下載|下载|點我|点我|點擊|点击|按讚|點讚|点赞|歡迎|欢迎).{0,20}(?:LINE|Line|好友|會員|会员|粉絲|粉丝|專頁|专页|頻道|频道|App|APP|app|電子報|电子报|訂閱|订阅|紙本|纸本|IG|Instagram|YouTube|臉書|Facebook|公眾號|公众号)/;
// The promotion speaks to the reader (快點我…, 歡迎…, 立即…); a report that mentions an app does not.
const APPEAL = /快|請|请|歡迎|欢迎|立即|馬上|马上|趕快|赶快|記得|记得|點我|点我|點擊|点击|點此|点此|掃描|扫描|一起/;
const CONTACT = /^(?:\S{0,8}?)(?:報料|报料|爆料|投稿|新聞熱線|新闻热线|熱線|热线)\s*[:：]\s*[\d\s()（）+-]{6,}/;

/**
 * A closing promotion or contact line (快點我加入…LINE好友！, 更多內容，歡迎…數位訂閱, 报料：021-…): the
 * outlet talking to its readers, not the article. Only judged at the end of a body.
 */
export function isClosingPromo(line: string): boolean {
  const s = line.trim();
  return s.length <= 60 && ((PROMO.test(s) && APPEAL.test(s)) || CONTACT.test(s));
}

/** A tag line: 2–10 short words separated by spaces and no sentence punctuation (烏克蘭 俄羅斯 俄烏戰爭). */
export function parseTagLine(line: string): string[] | null {
  const s = line.trim();
  if (/[，。、：:！？!?；;,.「」（）()]/.test(s)) return null;
  const words = s.split(/[\s\u3000]+/).filter(Boolean);
  if (words.length < 2 || words.length > 10) return null;
  if (!words.every((w) => w.length >= 2 && w.length <= 12)) return null;
  if (!words.some((w) => /\p{Script=Han}/u.test(w))) return null;
  return words;
}

/** A navigation fragment: bullets, pipes, "›" breadcrumbs, or a lone symbol. */
export function isMenuLine(line: string): boolean {
  const s = line.trim();
  if (/^[•·|>›»\-–—*]+$/.test(s)) return true;
  if (/^[•·]\s*\S{0,12}$/.test(s)) return true;
  return (s.match(/\s\|\s/g)?.length ?? 0) >= 1 && !/[，。]/.test(s);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
