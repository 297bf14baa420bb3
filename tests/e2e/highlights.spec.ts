/**
 * "Open a page with WeChat, Taobao and Alibaba on it: exactly the names a
 * reader sees are highlighted, in English and Chinese, and each is linked to
 * the argument its sentence is about."
 */
import type { Page } from '@playwright/test';
import type { EntityId, TabSummary } from '../../utils/types';
import { DEMO_MENTIONS, type ExpectedMention, TRAPS_EN_MENTIONS, TRAPS_ZH_MENTIONS } from './expected-mentions';
import { expect, expectPainted, expectWordUnpainted, highlightRanges, highlightSizes, test } from './harness/fixtures';

const CORE: EntityId[] = ['wechat', 'taobao', 'alibaba'];

/** "entity|where|text" keys, sorted: the exact set of highlighted mentions. */
async function paintedKeys(page: Page): Promise<string[]> {
  const keys: string[] = [];
  for (const entity of CORE) {
    for (const r of await highlightRanges(page, entity)) keys.push(`${entity}|${r.where}|${r.text}`);
  }
  return keys.sort();
}

function expectedKeys(list: readonly ExpectedMention[]): string[] {
  return list.map((m) => `${m.entity}|${m.where}|${m.text}`).sort();
}

/** Reasons per "entity|text", sorted, from the summary and from the expectations (where they are stated). */
function reasonsByName(
  mentions: { entity: EntityId; text: string; reason?: number | null }[],
): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const m of mentions) {
    if (m.reason === undefined) continue;
    const key = `${m.entity}|${m.text}`;
    out[key] = [...(out[key] ?? []), m.reason].sort();
  }
  return out;
}

function checkSummary(summary: TabSummary, expected: readonly ExpectedMention[]): void {
  const got = summary.mentions.map((m) => ({ entity: m.entity, text: m.text, reason: m.link.reason }));
  expect(got.length, 'mentions in the summary').toBe(expected.length);
  expect(summary.total).toBe(expected.length);
  expect(summary.capped).toBe(false);
  expect(reasonsByName(got)).toEqual(reasonsByName(expected.map((m) => ({ ...m }))));
  for (const m of summary.mentions) {
    if (m.link.reason === null) continue;
    // A linked mention always says why (cues): there is no per-company default any more.
    expect(m.link.cues.length, `cues for ${m.text}`).toBeGreaterThan(0);
  }
}

for (const [file, expected] of [
  ['demo.html', DEMO_MENTIONS],
  ['traps-en.html', TRAPS_EN_MENTIONS],
  ['traps-zh.html', TRAPS_ZH_MENTIONS],
] as const) {
  test(`${file}: exactly the visible mentions are highlighted and linked to the right reason`, async ({
    page,
    server,
    waitForScan,
  }) => {
    await page.goto(server.url(`/${file}`));
    const summary = await waitForScan(page);

    // Highlights cover exactly the expected mentions: same entity, same element, same text.
    expect(await paintedKeys(page)).toEqual(expectedKeys(expected));
    // And painted in pixels: one mention of each entity is washed in its colour.
    for (const entity of CORE) {
      const first = expected.find((m) => m.entity === entity);
      if (first) await expectPainted(page, entity, first.where);
    }
    if (file === 'demo.html') await expectWordUnpainted(page, 't-wechatty', 'wechatty');

    // One highlight per entity, and the related entities are off by default.
    const sizes = await highlightSizes(page);
    for (const entity of ['tencent', 'tmall', 'alipay']) expect(sizes[entity] ?? 0).toBe(0);

    checkSummary(summary, expected);

    // The page itself is untouched: no <mark>, no split text, form fields keep their text.
    expect(await page.locator('mark').count()).toBe(0);
    if (file === 'demo.html') {
      await expect(page.locator('#t-textarea')).toHaveValue('WeChat in a textarea');
      await expect(page.locator('#t-input')).toHaveValue('Taobao in an input');
      expect(await page.locator('#p-accounts').evaluate((p) => p.childNodes.length)).toBe(1);
    }
  });
}

test('the same mentions are found whatever the case and the page language', async ({ page, server, waitForScan }) => {
  await page.goto(server.url('/traps-en.html'));
  await waitForScan(page);
  const wechat = await highlightRanges(page, 'wechat');
  expect(wechat.map((r) => r.text)).toContain('WECHAT');
  // Possessive: the name is highlighted, not the "'s".
  expect(wechat.find((r) => r.where === 'possessive')?.text).toBe('WeChat');
  // Longest alias wins: "WeChat Pay" is one mention.
  expect(wechat.filter((r) => r.where === 'longest').map((r) => r.text)).toEqual(['WeChat Pay']);
});
