/** Event helpers for the notebook component tests: let async handlers settle, change form fields. */
import { act } from 'preact/test-utils';

/** Runs pending promise callbacks and timers of 0 ms inside act, a few rounds deep. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export function setValue(el: HTMLElement, value: string, event: 'input' | 'change' = 'input'): void {
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

export function check(el: HTMLElement): void {
  act(() => {
    (el as HTMLInputElement).checked = true;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
