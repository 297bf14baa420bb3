/**
 * Cooperative slicing: work runs until its budget is spent, then yields to
 * the page so that input and rendering are never blocked for a whole frame.
 */
import { SLICE_MS } from './limits';

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** The longest we let scheduler.yield continuations run ahead of the page's own timers. */
const MACROTASK_EVERY_MS = 50;
let lastMacrotask = performance.now();

function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
    lastMacrotask = performance.now();
  });
}

/**
 * Give the page's event loop a turn: scheduler.yield where present, else a
 * message-channel macrotask. scheduler.yield continuations run ahead of the
 * page's queued timers, so at least every MACROTASK_EVERY_MS we yield with a
 * timer task instead and let the page's own timers run (a long scan would
 * otherwise starve them for its whole length).
 */
export function yieldToPage(): Promise<void> {
  const from = performance.now();
  return handBack().then(() => {
    waitedMs += performance.now() - from;
  });
}

/** Time spent handed back to the page since load: a pass's own time is its wall time minus what it waited. */
let waitedMs = 0;
export function waited(): number {
  return waitedMs;
}

function handBack(): Promise<void> {
  if (performance.now() - lastMacrotask >= MACROTASK_EVERY_MS) return macrotask();
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') {
    try {
      return scheduler.yield.call(scheduler);
    } catch {
      // Fall through to the channel.
    }
  }
  return new Promise((resolve) => {
    // A MessageChannel task runs before timers (no 4 ms clamp) but after pending input.
    try {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    } catch {
      setTimeout(resolve, 0);
    }
  });
}

/** A time budget for one slice. */
export class Slice {
  private deadline = 0;
  constructor(private readonly budgetMs = SLICE_MS) {
    // A new pass starts in a task of its own (the content script's start, a timer): the page's timers had their
    // turn just before, so the first yields can be fast ones. Without this, the first yield of every pass on a
    // page open for a while waited for a timer task.
    lastMacrotask = performance.now();
    this.reset();
  }
  reset(): void {
    this.deadline = performance.now() + this.budgetMs;
  }
  spent(): boolean {
    return performance.now() >= this.deadline;
  }
  /** Yield when the budget is spent; resolves immediately otherwise. */
  async maybeYield(): Promise<void> {
    if (!this.spent()) return;
    await yieldToPage();
    this.reset();
  }
}
