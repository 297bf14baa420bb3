/**
 * The background's record of what each tab's frames found, merged into one
 * TabSummary for the popup, the side panel and the badge. Pure: no browser APIs.
 */
import { applyOverlay, type MentionOverlay } from './notebook/overlay';
import type { FrameSummary, ReasonNumber, TabSummary } from './types';

export class TabState {
  private readonly frames = new Map<number, Map<number, FrameSummary>>();
  private readonly focus = new Map<number, ReasonNumber>();
  /** What the reader's notebook says about each frame's mentions (corrected links, kept sentences). */
  private readonly overlays = new Map<number, Map<number, MentionOverlay[]>>();

  setFrame(tabId: number, frameId: number, summary: FrameSummary): void {
    let frames = this.frames.get(tabId);
    if (!frames) {
      frames = new Map();
      this.frames.set(tabId, frames);
    }
    frames.set(frameId, summary);
  }

  /** The frames of a tab as they reported (the notebook's overlay not applied). */
  framesOf(tabId: number): ReadonlyMap<number, FrameSummary> {
    return this.frames.get(tabId) ?? new Map();
  }

  /** Lays the notebook's word on a frame's mentions; the frame's own report stays as it was. */
  setOverlay(tabId: number, frameId: number, overlay: MentionOverlay[]): void {
    let frames = this.overlays.get(tabId);
    if (!frames) {
      frames = new Map();
      this.overlays.set(tabId, frames);
    }
    frames.set(frameId, overlay);
  }

  /** A new document is loading in the tab: forget its frames (the focus reason stays for the panel). */
  clearTab(tabId: number): void {
    this.frames.delete(tabId);
    this.overlays.delete(tabId);
  }

  removeTab(tabId: number): void {
    this.frames.delete(tabId);
    this.overlays.delete(tabId);
    this.focus.delete(tabId);
  }

  tabIds(): number[] {
    return [...this.frames.keys()];
  }

  hasTab(tabId: number): boolean {
    return this.frames.has(tabId);
  }

  setFocus(tabId: number, reason: ReasonNumber): void {
    this.focus.set(tabId, reason);
  }

  getFocus(tabId: number): ReasonNumber | null {
    return this.focus.get(tabId) ?? null;
  }

  summary(tabId: number): TabSummary | null {
    const frames = this.frames.get(tabId);
    if (!frames) return null;
    const overlays = this.overlays.get(tabId);
    if (!overlays?.size) return mergeFrames(tabId, frames);
    const laid = new Map<number, FrameSummary>();
    for (const [frameId, f] of frames) {
      const o = overlays.get(frameId);
      laid.set(frameId, o?.length ? { ...f, mentions: applyOverlay(f.mentions, o) } : f);
    }
    return mergeFrames(tabId, laid);
  }
}

/** Frame 0 first, then the others in id order, so the list reads top-down. */
export function mergeFrames(tabId: number, frames: ReadonlyMap<number, FrameSummary>): TabSummary {
  const ids = [...frames.keys()].sort((a, b) => a - b);
  const out: TabSummary = {
    tabId,
    url: frames.get(0)?.url ?? frames.get(ids[0] ?? 0)?.url ?? '',
    title: frames.get(0)?.title ?? '',
    mentions: [],
    total: 0,
    capped: false,
    paused: frames.get(0)?.paused ?? false,
    countsByEntity: {},
    countsByReason: {},
    firmByReason: {},
    unlinked: 0,
  };
  for (const frameId of ids) {
    const f = frames.get(frameId);
    if (!f) continue;
    out.total += f.total;
    out.capped ||= f.capped;
    for (const m of f.mentions) {
      out.mentions.push({ ...m, frameId });
      out.countsByEntity[m.entity] = (out.countsByEntity[m.entity] ?? 0) + 1;
      const n = m.link.reason;
      if (n === null) out.unlinked++;
      else {
        out.countsByReason[n] = (out.countsByReason[n] ?? 0) + 1;
        if (m.link.firm) out.firmByReason[n] = (out.firmByReason[n] ?? 0) + 1;
      }
    }
  }
  return out;
}

/** Badge text for a count: empty at zero, "999+" past three digits. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}
