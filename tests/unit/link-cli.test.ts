/**
 * scripts/link-cli.mjs (`npm run --silent link`): one JSON line out per line in, in order, errors on their own line,
 * and the same answers as the extension's linkMention.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { linkMention } from '@/utils/link';

const ROOT = path.resolve(__dirname, '../..');

it('answers every input line with one output line, errors included, as linkMention does', () => {
  const good = [
    { entity: 'wechat', sentence: 'WeChat official accounts are media, and self-media writers sell ads.' },
    { entity: 'alipay', sentence: '支付宝很好用。' },
    {
      entity: 'wechat',
      sentence: '微信。',
      paragraph: '微信朋友圈里全是卖面膜的微商，只好屏蔽。微信。',
    },
    { entity: 'alibaba', sentence: 'Alibaba shares fell after the IPO was halted.', paragraph: null },
  ];
  const input = [
    JSON.stringify(good[0]),
    'not json',
    '',
    JSON.stringify({ entity: 'amazon', sentence: 'x' }),
    JSON.stringify(good[1]),
    JSON.stringify({ entity: 'taobao', sentence: 5 }),
    JSON.stringify({ entity: 'taobao' }),
    JSON.stringify({ entity: 'taobao', sentence: 'Taobao.', paragraph: ['no'] }),
    '[1, 2]',
    JSON.stringify(good[2]),
    JSON.stringify(good[3]),
  ].join('\n');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/link-cli.mjs')], {
    cwd: ROOT,
    input: `${input}\n`,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(11);
  const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const expected = (i: number) => {
    const g = good[i] as { entity: 'wechat'; sentence: string; paragraph?: string | null };
    const r = linkMention(g.entity, g.sentence, g.paragraph ?? '');
    return { reason: r.reason, firm: r.firm, confidence: r.confidence, cues: r.cues };
  };
  expect(out[0]).toEqual(expected(0));
  expect(out[0]).toMatchObject({ reason: 2, firm: true });
  for (const i of [1, 2, 3, 5, 6, 7, 8]) expect(Object.keys(out[i] as object), lines[i]).toEqual(['error']);
  expect(out[4]).toEqual(expected(1));
  expect(out[4]?.reason).toBeNull();
  expect(out[9]).toEqual(expected(2));
  expect(out[10]).toEqual(expected(3));
  expect(out[10]?.reason).toBeNull();
});
