/**
 * Interface text through the extension's locales (public/_locales/{en,zh_CN}).
 * The article itself stays in English. A missing key shows the key, so a gap
 * is visible rather than blank.
 */
import { browser } from 'wxt/browser';

export function t(key: string, substitutions?: string | string[]): string {
  try {
    // Keys are checked by the locale test, not by the generated key union.
    const getMessage = browser.i18n.getMessage as (k: string, s?: string | string[]) => string;
    const text = getMessage(key, substitutions);
    if (text) return text;
  } catch {
    // Outside an extension context (unit tests): fall through.
  }
  return key;
}
