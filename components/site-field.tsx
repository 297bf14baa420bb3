/**
 * Where the reader types a site: the paused sites, "Forget this site" and the
 * notebook's site filter. A host is not a word, so no autocomplete and no
 * spelling marks; the same hint everywhere. (The options page's form around it
 * is site-form.tsx: kept apart so the side panel does not carry it.)
 */
import type { InputHTMLAttributes } from 'preact';

export type SiteFieldProps = InputHTMLAttributes<HTMLInputElement> & { 'data-testid'?: string };

export function SiteField(props: SiteFieldProps) {
  return <input type="text" placeholder="example.com" autocomplete="off" spellcheck={false} {...props} />;
}
