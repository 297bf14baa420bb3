/**
 * "A reader whose browser speaks Simplified Chinese opens the popup and the
 * side panel: buttons, headings and the verdict are in Chinese, the hover card
 * says 理由 2, while the eight reasons themselves stay in English."
 *
 * Its own browser, launched with --lang=zh-CN (the flag is what Chromium's
 * extension i18n follows here; Debian's package ships only the en-US UI pack,
 * so the browser's own UI language stays en-US and LANGUAGE alone changes
 * nothing). The shared fixtures' browser is never started by this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, test } from '@playwright/test';
import { REASONS } from '../../utils/article';
import {
  centre,
  closeExtensionBrowser,
  EXTENSION_DIR,
  type ExtensionBrowser,
  hoverCard,
  launchWithExtension,
  Popup,
  rangeIn,
  SidePanel,
  type StaticServer,
  serviceWorkerOf,
  startStaticServer,
  tabIdOfPage,
  waitForStableHighlights,
} from './harness/fixtures';

type Messages = Record<string, { message: string }>;
const readMessages = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`), 'utf8'));
const ZH = readMessages('zh_CN');
const EN = readMessages('en');
const zh = (key: string, ...subs: string[]) =>
  subs.reduce((s, sub, i) => s.replace(`$ARG${i + 1}$`, sub), ZH[key]?.message ?? `missing ${key}`);

let server: StaticServer;
let browser: ExtensionBrowser;
let context: BrowserContext;

test.beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchWithExtension(EXTENSION_DIR, {
    extraArgs: ['--lang=zh-CN'],
    env: { ...process.env, LANGUAGE: 'zh_CN' },
    profilePrefix: 'er-e2e-zh-',
  });
  context = browser.context;
});

test.afterAll(async () => {
  if (browser) await closeExtensionBrowser(browser);
  await server?.close();
});

test('in a Chinese browser the popup, side panel and hover card speak Chinese; the article stays English', async () => {
  // Make sure the two locales really differ where we look.
  for (const key of ['open_panel', 'popup_reasons', 'jump', 'panel_mentions', 'toc_heading']) {
    expect(ZH[key]?.message).not.toBe(EN[key]?.message);
  }
  const { extensionId } = browser;
  const sw = await serviceWorkerOf(context, extensionId);
  const errors: string[] = [];
  context.on('weberror', (e) => errors.push(e.error().stack ?? String(e.error())));

  const page = await context.newPage();
  await page.goto(server.url('/demo.html'));
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('eight-reasons-wechat')?.size ?? 0))
    .toBeGreaterThan(0);
  await waitForStableHighlights(page);
  const tabId = await tabIdOfPage(sw, page);

  // The hover card on the page.
  const accounts = await rangeIn(page, 'wechat', 'p-accounts');
  await page.mouse.move(centre(accounts.rect).x, centre(accounts.rect).y);
  const card = hoverCard(page);
  await expect(card).toBeVisible();
  await expect(card).toContainText(zh('card_reason', '2'));
  await expect(card).toContainText(zh('card_linkedBy', '').trim());
  await expect(card).not.toContainText(/linked by/i);
  // The reason's title and summary stay in English, like the article.
  await expect(card).toContainText(zh('reason2_title'));
  await expect(card).toContainText(zh('reason2_summary'));

  // The popup.
  const { page: popup } = await Popup.open(context, extensionId, tabId);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(popup.getByTestId('open-panel')).toHaveText(zh('open_panel'));
  await expect(popup.getByTestId('pause-site')).toHaveText(zh('pause_site'));
  await expect(popup.locator('#reasons-heading')).toHaveText(zh('popup_reasons'));
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-kind', 'top');
  await expect(popup.getByTestId('verdict')).toContainText('此页面');
  // The reasons are the article's, in English.
  await expect(popup.locator('[data-testid="reason"][data-reason="1"]')).toContainText(REASONS[0]?.title ?? '');

  // The side panel.
  const { page: panel } = await SidePanel.openFor(context, extensionId, tabId);
  await expect(panel.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(panel.getByTestId('jump').first()).toHaveText(zh('jump'));
  await expect(panel.getByTestId('search')).toHaveAttribute('placeholder', zh('search_placeholder'));
  await expect(panel.getByText(zh('panel_mentions'))).toBeVisible();
  const first = panel.locator('section[data-reason="1"]');
  await expect(first).toContainText(REASONS[0]?.title ?? '');
  await expect(first).toContainText((REASONS[0]?.paragraphs[0] ?? '').slice(0, 60));
  await expect(first.getByTestId('mark-read')).toContainText(zh('mark_read', '1'));

  expect(errors).toEqual([]);
});
