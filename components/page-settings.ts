/** Apply settings that shape our own pages: text size and the entity colour variables. DOM only, no extension API. */
import type { Settings } from '@/platform/settings';

export function applyPageSettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  root.dataset.textSize = settings.textSize;
  for (const [id, color] of Object.entries(settings.colors)) root.style.setProperty(`--entity-${id}`, color);
}
