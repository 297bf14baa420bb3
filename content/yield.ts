/**
 * Cooperative slicing: work runs until its budget is spent, then yields to
 * the page so that input and rendering are never blocked for a whole frame.
 */
import { SLICE_MS } from './limits';

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Give the page's event loop a turn: scheduler.yield where present, else a message-channel macrotask. */
export function yieldToPage(): Promise<void> {
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
