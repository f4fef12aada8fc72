import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findTimeSpans, parseReferenceTime } from '../../src/core/timeline/time-spans.ts';

const ROOT = process.cwd();
const at = parseReferenceTime('2013-02-12T04:30:00-02:00')!;

function newsbot(args: string[], input?: string) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), 'dates', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

test('spans carry local start and end (inclusive) at the offset of --at, with their grain', () => {
  const spans = (text: string, prefer: 'past' | 'future' | 'news' = 'news') => findTimeSpans(text, at, prefer).map((s) => [s.text, s.start, s.end, s.grain]);
  assert.deepEqual(spans('周一早上'), [['周一早上', '2013-02-11T04:00:00', '2013-02-11T11:59:59', 'hour']]);
  assert.deepEqual(spans('周一早上', 'future'), [['周一早上', '2013-02-18T04:00:00', '2013-02-18T11:59:59', 'hour']]);
  assert.deepEqual(spans('上个月'), [['上个月', '2013-01-01T00:00:00', '2013-01-31T23:59:59', 'month']]);
  assert.deepEqual(spans('兩年前'), [['兩年前', '2011-01-01T00:00:00', '2011-12-31T23:59:59', 'year']]);
  assert.deepEqual(spans('下午3:15'), [['下午3:15', '2013-02-12T15:15:00', '2013-02-12T15:15:59', 'minute']]);
  assert.deepEqual(spans('这周'), [['这周', '2013-02-11T00:00:00', '2013-02-17T23:59:59', 'week']]);
  assert.deepEqual(spans('明天元旦'), [['明天元旦', '2014-01-01T00:00:00', '2014-01-01T23:59:59', 'day']]);
  assert.deepEqual(spans('元旦'), [['元旦', '2013-01-01T00:00:00', '2013-01-01T23:59:59', 'day']], 'news leans to the past');
  const [s] = findTimeSpans('會議定於二〇一五年三月三日舉行', at);
  assert.deepEqual([s.text, s.start_offset, s.end_offset], ['二〇一五年三月三日', 4, 13]);
});

test('newsbot dates: TEXT, --jsonl from stdin, and one clear line for bad input', () => {
  const one = newsbot(['星期一', '--at', '2013-02-12T04:30:00-02:00', '--prefer', 'future']);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(one.stdout, '星期一\t2013-02-18T00:00:00\t2013-02-18T23:59:59\tday\n');
  const lines = newsbot(['--jsonl'], '{"id":"a","text":"昨天下午三點","at":"2013-02-12T04:30:00-02:00"}\nnot json\n');
  assert.equal(lines.code, 1);
  assert.deepEqual(JSON.parse(lines.stdout.split('\n')[0]), { id: 'a', spans: [{ text: '昨天下午三點', start: '2013-02-11T15:00:00', end: '2013-02-11T15:59:59', grain: 'hour' }] });
  assert.match(lines.stderr, /^newsbot dates: stdin line 2: not JSON$/m);
  const bad = newsbot(['今天', '--at', '2013-02-12']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--at must be an ISO instant with an offset/);
});
