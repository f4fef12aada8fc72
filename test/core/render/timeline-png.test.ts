import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { renderTimelinePng, PICTURE_WIDTH, type TimelinePicture } from '../../../src/core/render/timeline-png.ts';
import { fontsFor, type FontScript } from '../../../src/core/render/fonts.ts';
import { toSimplified } from '../../../src/core/text/script.ts';

const words = (zh: boolean): TimelinePicture['words'] => ({
  undated: zh ? '只知道日（原文沒有月份）' : 'Day known, month not given',
  dayLabel: (d) => (zh ? `${d}日` : `Day ${d}`),
  gap: (n) => (zh ? `${n} 天後` : `${n} days later`),
  unknownOutlet: zh ? '來源不明' : 'outlet unknown',
});

const events = [
  { date: '2023-12-12', day: 12, label: '美國總統拜登已經邀請烏克蘭總統澤倫斯基訪問白宮', outlets: ['中央社'] },
  { date: '2025-08-22', day: 22, label: '北大西洋公約組織秘書長呂特訪問基輔，與澤倫斯基（Volodymyr Zelenskyy）會談', outlets: ['聯合新聞網', '中央社'] },
  { date: '2025-08-18', day: 18, label: '他還強調準備派遣美軍進駐烏克蘭', outlets: ['ETtoday'] },
  { date: null, day: 15, label: '兩天來長達8小時的會談後，他們已與烏克蘭在90%的議題上達成共識', outlets: [] },
];

/** Pixels of `ch` drawn alone with the fonts chosen for it. */
function glyphPixels(ch: string, script: FontScript, families = fontsFor(ch, script).families): Buffer {
  const c = createCanvas(48, 48);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 48, 48);
  ctx.fillStyle = '#000';
  ctx.font = `32px ${families}`;
  ctx.fillText(ch, 4, 38);
  return Buffer.from(ctx.getImageData(0, 0, 48, 48).data);
}

test('the timeline PNG decodes, has the expected size, is not blank, and uses both scripts’ fonts', async () => {
  for (const [script, conv] of [['tc', (s: string) => s], ['sc', toSimplified]] as const) {
    const pic = await renderTimelinePng({ title: conv('時間軸：烏克蘭'), script, events: events.map((e) => ({ ...e, label: conv(e.label), outlets: e.outlets.map(conv) })), words: words(true) });
    assert.deepEqual(pic.missing, [], 'every character has a glyph');
    assert.deepEqual([...pic.png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const img = await loadImage(Buffer.from(pic.png));
    assert.equal(img.width, PICTURE_WIDTH);
    assert.equal(img.height, pic.height);
    assert.ok(pic.height > 300 && pic.height < 1200, `height ${pic.height} for 4 events`);
    const c = createCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let dark = 0;
    const colours = new Set<string>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
      if (Math.abs(data[i] - data[i + 1]) > 60 || Math.abs(data[i + 1] - data[i + 2]) > 60) colours.add(`${data[i] >> 5},${data[i + 1] >> 5},${data[i + 2] >> 5}`);
    }
    assert.ok(dark > 5000, `text is drawn (${dark} dark pixels)`);
    assert.ok(colours.size >= 3, 'outlets are drawn in their own colours');
  }
});

test('no label character falls back to the missing-glyph box', () => {
  const text = events.map((e) => e.label + e.outlets.join('')).join('') + '時間軸只知道日原文沒有月份來源不明天後';
  for (const [script, conv] of [['tc', (s: string) => s], ['sc', toSimplified]] as const) {
    const chars = [...new Set(conv(text))].filter((c) => !/\s/.test(c));
    for (const ch of chars) {
      const { families, missing } = fontsFor(ch, script);
      assert.deepEqual(missing, [], `${ch} is covered`);
      // A code point no font has (U+10FFFD) is drawn as .notdef (or nothing): a real glyph must differ from it.
      assert.ok(!glyphPixels(ch, script, families).equals(glyphPixels('\u{10FFFD}', script, families)), `${ch} (${script}) is drawn as a real glyph`);
    }
  }
  // The check can fail: an uncovered character is reported and drawn as '?'.
  assert.deepEqual(fontsFor('a\u{10FFFD}', 'tc').missing, ['\u{10FFFD}']);
});
