/**
 * Page objects: the extension's own pages and the hover card, with methods a
 * person's actions map to. Each wraps the Playwright `page` (still reachable
 * as `.page`) so a test can also assert on it directly.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { EntityId } from '../../../utils/types';
import { type Box, centre, rangeInView } from './queries';

const extUrl = (extensionId: string, file: string) => `chrome-extension://${extensionId}/${file}`;

/** The hover card inside our host element's open shadow root (Playwright locators pierce open shadow roots). */
export function hoverCard(page: Page): Locator {
  return page.locator('eight-reasons-ui [data-testid="hover-card"]');
}

/** The hover card over a page: pointing at a mention shows it, moving away hides it. */
export class HoverCard {
  readonly locator: Locator;
  constructor(readonly page: Page) {
    this.locator = hoverCard(page);
  }
  /** Point at a box's centre, from a distance so the pointer really moves onto it. */
  async pointAt(box: Box): Promise<void> {
    const c = centre(box);
    await this.page.mouse.move(1, 1);
    await this.page.mouse.move(c.x, c.y, { steps: 4 });
  }
  /** Scroll the mention of an entity inside #where into view and point at it. */
  async pointAtMention(entity: EntityId, where: string): Promise<void> {
    await this.pointAt((await rangeInView(this.page, entity, where)).rect);
  }
  /** Move the pointer out of the way. */
  async moveAway(): Promise<void> {
    await this.page.mouse.move(2, 2);
  }
}

/** The toolbar popup, opened as a tab at popup.html?tab=ID (380×600, its real size). */
export class Popup {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<Popup> {
    const p = await context.newPage();
    await p.setViewportSize({ width: 380, height: 600 });
    await p.goto(`${extUrl(extensionId, 'popup.html')}?tab=${tabId}`);
    return new Popup(p);
  }
  entityCount(entity: EntityId): Locator {
    return this.page.locator(`[data-testid="entity-count"][data-entity="${entity}"]`);
  }
  reasons(): Locator {
    return this.page.locator('[data-testid="reason"]');
  }
}

/** The side panel: the pop-out view (sidepanel.html?tab=ID in a tab) or the real panel found over CDP. */
export class SidePanel {
  constructor(readonly page: Page) {}
  static async openFor(context: BrowserContext, extensionId: string, tabId: number): Promise<SidePanel> {
    const p = await context.newPage();
    await p.setViewportSize({ width: 400, height: 800 });
    await p.goto(`${extUrl(extensionId, 'sidepanel.html')}?tab=${tabId}`);
    return new SidePanel(p);
  }
  mentions(): Locator {
    return this.page.getByTestId('mention');
  }
  /** The section of a reason, when it is the active one. */
  activeReason(reason: number): Locator {
    return this.page.locator(`section[data-reason="${reason}"][data-active="true"]`);
  }
}

/** The options page: what a person switches, picks and pauses there. */
export class Options {
  constructor(readonly page: Page) {}
  static async open(context: BrowserContext, extensionId: string): Promise<Options> {
    const p = await context.newPage();
    await p.goto(extUrl(extensionId, 'options.html'));
    return new Options(p);
  }
  entityToggle(entity: EntityId): Locator {
    return this.page.locator(`[data-testid="entity-toggle"][data-entity="${entity}"]`);
  }
  async turnOn(entity: EntityId): Promise<void> {
    await this.entityToggle(entity).check();
  }
  async turnOff(entity: EntityId): Promise<void> {
    await this.entityToggle(entity).uncheck();
  }
  entityColour(entity: EntityId): Locator {
    return this.page.locator(`[data-testid="entity-color"][data-entity="${entity}"]`);
  }
  async pickColour(entity: EntityId, hex: string): Promise<void> {
    await this.entityColour(entity).fill(hex);
  }
  async pauseEverywhere(paused = true): Promise<void> {
    const box = this.page.getByTestId('pause-everywhere');
    await (paused ? box.check() : box.uncheck());
  }
  async pauseOrigin(origin: string): Promise<void> {
    await this.page.getByTestId('add-origin').fill(origin);
    await this.page.getByTestId('add-origin-submit').click();
  }
  /** The list of paused sites. */
  pausedOrigins(): Locator {
    return this.page.getByTestId('paused-origins');
  }
  /** Remove the (only) paused site from the list. */
  async resumeOrigin(): Promise<void> {
    await this.pausedOrigins().getByTestId('remove-origin').click();
  }
  pauseEverywhereBox(): Locator {
    return this.page.getByTestId('pause-everywhere');
  }
}
