/**
 * "Open a page with mentions in a paragraph, split across a bold word, and
 * deep inside a span: every part of every mention is washed in its colour,
 * and our style rules name only the elements that hold mentions (a rule for
 * every element would make the browser restyle the whole page)."
 */
import type { EntityId } from '../../utils/types';
import {
  contrast,
  expect,
  expectBoxPainted,
  highlightRanges,
  mostCommon,
  pageBackground,
  pixelsInside,
  type Rgb,
  rangeIn,
  test,
} from './harness/fixtures';

/** Selectors of our adopted sheet (read from the page's world), each before its `::highlight(...)`. */
async function ruleSubjects(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const sheet of document.adoptedStyleSheets) {
      for (const rule of sheet.cssRules) {
        const text = (rule as CSSStyleRule).selectorText ?? '';
        if (text.includes('::highlight(eight-reasons-')) out.push(text.slice(0, text.indexOf('::')));
      }
    }
    return out;
  });
}

test('every part of a mention is painted while the rules name only the elements that hold mentions', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/rules.html'));
  await waitForScan(page);
  const pageBg = await pageBackground(page);

  // The rules: one set per element that holds mentions, none for every element.
  const subjects = await ruleSubjects(page);
  expect(subjects.length).toBeGreaterThan(0);
  expect(subjects, 'no universal ::highlight rule').not.toContain('');
  // A span is common on this page (the menu), so the mention in a span is covered by its paragraph's id instead.
  expect(subjects).toContain('#nested');
  expect(subjects).not.toContain('span');
  expect(new Set(subjects)).toEqual(new Set(['p', '#nested', 'li']));

  // Pixels: each box of each mention (We + <b>Chat</b> has two) is washed, not the page's background.
  const boxes = await page.evaluate(() => {
    const out: { entity: EntityId; text: string; x: number; y: number; width: number; height: number }[] = [];
    CSS.highlights.forEach((h, name) => {
      if (!name.startsWith('eight-reasons-') || name.endsWith('flash')) return;
      for (const r of h) {
        if (!(r instanceof Range)) continue;
        const text = r.toString();
        const entity = name.slice('eight-reasons-'.length) as EntityId;
        for (const b of r.getClientRects())
          out.push({ entity, text, x: b.x, y: b.y, width: b.width, height: b.height });
      }
    });
    return out;
  });
  expect(boxes.map((b) => b.text).sort()).toEqual(['Alibaba', 'Taobao', 'WeChat', 'WeChat']);
  for (const box of boxes) {
    const wash = mostCommon(await pixelsInside(page, box));
    expect(contrast(wash, pageBg), `${box.text} box at ${box.x}: ${wash} against ${pageBg}`).toBeGreaterThanOrEqual(
      1.2,
    );
    // Exactly the entity's colour at the highlight alpha over the page.
    await expectBoxPainted(page, box.entity, box, { under: pageBg }, `${box.text} box at ${box.x}`);
  }
  expect((await highlightRanges(page, 'wechat')).map((r) => r.where)).toEqual(['split']);
});

test('when the page renames an element a rule names, the mentions inside it are washed again', async ({
  page,
  server,
  waitForScan,
}) => {
  await page.goto(server.url('/rules.html'));
  await waitForScan(page);
  expect(await ruleSubjects(page)).toContain('#nested');
  const pageBg = await pageBackground(page);
  const taobaoWash = async () => {
    const box = (await highlightRanges(page, 'taobao'))[0]?.rect;
    return box ? mostCommon(await pixelsInside(page, box)) : null;
  };
  // The page renames the element: our #nested rule no longer reaches the mention inside it.
  await page.evaluate(() => {
    (document.getElementById('nested') as HTMLElement).id = 'renamed';
  });
  // Nothing else changes: the engine follows id changes and names the elements afresh.
  await expect.poll(() => ruleSubjects(page), { timeout: 5000 }).toContain('#renamed');
  expect(await ruleSubjects(page)).not.toContain('#nested');
  const wash = await taobaoWash();
  expect(wash).not.toBeNull();
  expect(contrast(wash as Rgb, pageBg), `Taobao: ${wash} against ${pageBg}`).toBeGreaterThanOrEqual(1.2);
  await expectBoxPainted(page, 'taobao', (await rangeIn(page, 'taobao', 'renamed')).rect, { under: pageBg });
});
