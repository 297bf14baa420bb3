/**
 * Test helpers for the UI components: English interface text from the real
 * locale file (fakeBrowser has no i18n), and rendering into a fresh container.
 */

import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import en from '../../../public/_locales/en/messages.json';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** What chrome.i18n.getMessage does: named placeholders -> $n substitutions. */
export function formatMessage(entry: LocaleEntry, subs: string[]): string {
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  });
}

export function useEnglish(): void {
  const messages = en as Record<string, LocaleEntry>;
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    return formatMessage(entry, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  }) as typeof browser.i18n.getMessage);
}

export function mount(node: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  act(() => render(node, container));
  return container;
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

export function $$(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}
