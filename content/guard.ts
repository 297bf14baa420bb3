/**
 * The content script's one way to reach the page's event loop: every listener, timer and frame request goes through
 * here, guarded (our errors never reach the page) and tied to an AbortSignal (nothing outlives the script).
 */

/** Logs our own error quietly; the page's console is not ours to fill. */
export function quiet(error: unknown): void {
  try {
    console.debug('[eight-reasons]', error);
  } catch {
    // ignore
  }
}

/** Runs `fn`, swallowing our own errors: nothing we do may throw into the page's event loop. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      quiet(e);
    }
  };
}

/** Adds a guarded listener that goes when `signal` aborts. */
export function listen<E extends Event = Event>(
  target: EventTarget,
  type: string,
  fn: (event: E) => void,
  signal: AbortSignal,
  options: AddEventListenerOptions = {},
): void {
  if (signal.aborted) return;
  target.addEventListener(type, guard(fn) as EventListener, { ...options, signal });
}

/** Runs `fn` after `ms`, guarded; aborting `signal` or calling the returned function cancels it. */
export function later(fn: () => void, ms: number, signal: AbortSignal): () => void {
  if (signal.aborted) return () => {};
  const cancel = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    guard(fn)();
  }, ms);
  signal.addEventListener('abort', cancel, { once: true });
  return cancel;
}

/** Runs `fn` before the next frame, guarded; aborting `signal` cancels it. */
export function nextFrame(fn: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const cancel = () => cancelAnimationFrame(frame);
  const frame = requestAnimationFrame(() => {
    signal.removeEventListener('abort', cancel);
    guard(fn)();
  });
  signal.addEventListener('abort', cancel, { once: true });
}

/** Runs `fn` when the page is idle (or after `timeoutMs`), guarded; aborting `signal` cancels it. */
export function whenIdle(fn: () => void, signal: AbortSignal, timeoutMs = 2000): void {
  if (signal.aborted) return;
  if (typeof requestIdleCallback !== 'function') {
    later(fn, 0, signal);
    return;
  }
  const cancel = () => cancelIdleCallback(handle);
  const handle = requestIdleCallback(
    () => {
      signal.removeEventListener('abort', cancel);
      guard(fn)();
    },
    { timeout: timeoutMs },
  );
  signal.addEventListener('abort', cancel, { once: true });
}
