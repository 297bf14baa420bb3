/**
 * "A keyboard or screen-reader user can use every surface: axe finds no
 * violation on the popup, the side panel and the options page in light and
 * dark, and Tab reaches every control with a visible focus ring."
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

type Surface = 'popup' | 'side panel' | 'options';

async function open(
  surface: Surface,
  tabId: number,
  f: {
    openPopup: (id: number) => Promise<Page>;
    openSidePanelFor: (id: number) => Promise<Page>;
    openOptions: () => Promise<Page>;
  },
): Promise<Page> {
  if (surface === 'popup') return f.openPopup(tabId);
  if (surface === 'side panel') return f.openSidePanelFor(tabId);
  return f.openOptions();
}

/** Wait until the surface shows the tab's data (no "loading" state left). */
async function settled(surface: Surface, p: Page): Promise<void> {
  if (surface === 'popup') await expect(p.getByTestId('verdict')).not.toHaveAttribute('data-kind', 'loading');
  if (surface === 'side panel') await expect(p.getByTestId('mention').first()).toBeVisible();
  if (surface === 'options') await expect(p.getByTestId('entity-toggle').first()).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  for (const surface of ['popup', 'side panel', 'options'] as const) {
    test(`axe finds no violations on the ${surface} (${scheme})`, async ({
      page,
      server,
      waitForScan,
      tabIdOf,
      openPopup,
      openSidePanelFor,
      openOptions,
    }) => {
      await page.goto(server.url('/demo.html'));
      await waitForScan(page);
      const p = await open(surface, await tabIdOf(page), { openPopup, openSidePanelFor, openOptions });
      await p.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await settled(surface, p);
      if (surface === 'popup') await p.locator('[data-testid="reason"] button[aria-expanded]').first().click();
      if (surface === 'side panel') await p.getByTestId('search').fill('official account');
      const results = await new AxeBuilder({ page: p }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

for (const surface of ['popup', 'side panel', 'options'] as const) {
  test(`Tab reaches every control of the ${surface}, each with a visible focus`, async ({
    page,
    server,
    waitForScan,
    tabIdOf,
    openPopup,
    openSidePanelFor,
    openOptions,
  }) => {
    await page.goto(server.url('/demo.html'));
    await waitForScan(page);
    const p = await open(surface, await tabIdOf(page), { openPopup, openSidePanelFor, openOptions });
    await settled(surface, p);

    const controls = await p.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      );
      const usable = [...all].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && el.tabIndex >= 0,
      );
      usable.forEach((el, i) => {
        el.dataset.e2eControl = String(i);
      });
      return usable.length;
    });
    expect(controls).toBeGreaterThan(3);

    const reached = new Set<string>();
    const unringed: string[] = [];
    for (let i = 0; i < controls + 10 && reached.size < controls; i++) {
      await p.keyboard.press('Tab');
      const info = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring =
          (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) ||
          (s.boxShadow !== 'none' && s.boxShadow !== '');
        return { id: el.dataset.e2eControl ?? '', ring, label: el.outerHTML.slice(0, 80) };
      });
      if (!info) continue;
      if (info.id) reached.add(info.id);
      if (!info.ring) unringed.push(info.label);
    }
    expect(unringed, 'focused without a visible focus indicator').toEqual([]);
    expect(reached.size, 'controls reached with Tab').toBe(controls);
  });
}
