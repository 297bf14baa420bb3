/** content/commands.ts: reveal and step, then the card once the scroll settles. */
import { describe, expect, it, vi } from 'vitest';
import { Commands, SCROLL_QUIET_MS } from '@/content/commands';
import type { Engine, PageMention } from '@/content/types';

function setup(found: boolean) {
  const mention = { info: { id: 3 }, range: document.createRange() } as unknown as PageMention;
  const engine = {
    reveal: vi.fn(() => found),
    step: vi.fn(() => (found ? 3 : null)),
    mentionById: vi.fn(() => mention),
  } as unknown as Engine;
  const target = { engine: () => engine, hideCard: vi.fn(), showCard: vi.fn() };
  const abort = new AbortController();
  return { commands: new Commands(target, abort.signal), target, engine, mention, abort };
}

describe('Commands', () => {
  it('reveals a mention and shows its card once no scroll came for a moment', async () => {
    const { commands, target, mention } = setup(true);
    expect(commands.reveal(3)).toBe(true);
    expect(target.hideCard).toHaveBeenCalled();
    expect(target.showCard).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(target.showCard).toHaveBeenCalledWith(mention, 1, 1), {
      timeout: SCROLL_QUIET_MS * 4,
    });
  });

  it('shows the card at once on scrollend, and only for the latest reveal', () => {
    const { commands, target, mention } = setup(true);
    commands.reveal(3);
    commands.step(1, {});
    window.dispatchEvent(new Event('scrollend'));
    expect(target.showCard).toHaveBeenCalledTimes(1);
    expect(target.showCard).toHaveBeenCalledWith(mention, 1, 1);
  });

  it('answers false (top frame) or null when there is nothing to reveal, and shows no card', async () => {
    const { commands, target } = setup(false);
    expect(commands.reveal(9)).toBe(false);
    expect(commands.step(-1, { entities: ['wechat'] })).toBeNull();
    window.dispatchEvent(new Event('scrollend'));
    expect(target.showCard).not.toHaveBeenCalled();
  });

  it('shows nothing after its signal aborts', async () => {
    const { commands, target, abort } = setup(true);
    commands.reveal(3);
    abort.abort();
    window.dispatchEvent(new Event('scrollend'));
    await new Promise((r) => setTimeout(r, SCROLL_QUIET_MS + 50));
    expect(target.showCard).not.toHaveBeenCalled();
  });
});
