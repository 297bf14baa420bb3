/**
 * What the reader's notebook says about this frame's mentions (the
 * background's overlay), laid over them for the card ("linked by: you",
 * "kept"). The kept ones are underlined on the page by the painter.
 */
import { linkOf, type MentionOverlay } from '@/utils/notebook/overlay';
import type { PageMention } from './types';

export class NotebookMarks {
  private byId = new Map<number, MentionOverlay>();

  /** Takes a new overlay; returns the ids of the kept mentions, for the painter to underline. */
  set(overlay: readonly MentionOverlay[]): number[] {
    this.byId = new Map(overlay.map((o) => [o.id, o]));
    return overlay.filter((o) => o.kept).map((o) => o.id);
  }

  /** The mention as the card shows it: with the reader's link and kept mark when the notebook has one. */
  of(m: PageMention): PageMention {
    const o = this.byId.get(m.info.id);
    return o ? { ...m, info: { ...m.info, link: linkOf(m.info.link, o), kept: o.kept } } : m;
  }

  clear(): void {
    this.byId.clear();
  }
}
