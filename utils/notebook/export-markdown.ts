/**
 * The notebook as Markdown: a heading per reason, its balance, each passage
 * as a block quote. Page text is untrusted, so it is escaped to stay plain
 * text in any renderer: no links, images, HTML, headings or lists of its own.
 */
import type { ReasonNumber } from '../types';
import { type Balance, balanceLineEn, groupByReason } from './queries';
import { pageUrlOf } from './text';
import type { KeptPassage, Stance } from './types';

export interface MarkdownOptions {
  /** Reason titles by number (localised by the caller); a missing one shows as "Reason n". */
  titles: Partial<Record<ReasonNumber, string>>;
  /** Document heading. */
  heading?: string;
  /** Words a balance (default English: "4 support, 6 challenge, 1 context"). */
  balanceLine?: (b: Balance) => string;
  /** Words a stance (default: the stance name). */
  stanceLabel?: (s: Stance) => string;
  /** Leave out reasons with no passages (default true). */
  skipEmpty?: boolean;
}

/**
 * Escapes inline Markdown and neutralises HTML: every character that can
 * start emphasis, code, links, images, tables or autolinks is
 * backslash-escaped, '<' becomes &lt; and '&' &amp; (so no entity or tag
 * survives), and line breaks become spaces so the text cannot leave its
 * block quote.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_[\]()!|~>#]/g, '\\$&');
}

/**
 * Escapes text for the start of a Markdown line too: a leading list marker
 * ('-', '+', '1.') or heading/quote marker (escaped inline already) would otherwise start a block.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownInline(text.trimStart())
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^=/, '\\=');
}

/** A link target: http(s) only, with the characters that could end or break a Markdown link percent-encoded. */
export function markdownUrl(url: string): string | null {
  const u = pageUrlOf(url);
  if (u === null) return null;
  return u.replace(/[()<> "'\\[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function sourceLink(p: KeptPassage): string {
  const title = escapeMarkdownInline(p.title || p.pageUrl);
  const url = markdownUrl(p.pageUrl);
  return url ? `[${title}](${url})` : title;
}

export function passagesToMarkdown(passages: readonly KeptPassage[], options: MarkdownOptions): string {
  const balanceLine = options.balanceLine ?? balanceLineEn;
  const stanceLabel = options.stanceLabel ?? ((s: Stance) => s);
  const lines: string[] = [];
  if (options.heading) lines.push(`# ${escapeMarkdownLine(options.heading)}`, '');
  for (const group of groupByReason(passages)) {
    if ((options.skipEmpty ?? true) && group.passages.length === 0) continue;
    const title = options.titles[group.reason];
    lines.push(`## ${group.reason}. ${title ? escapeMarkdownLine(title) : `Reason ${group.reason}`}`, '');
    lines.push(escapeMarkdownLine(balanceLine(group.balance)), '');
    for (const p of group.passages) {
      lines.push(`> ${escapeMarkdownLine(p.sentence)}`, '');
      const meta = [escapeMarkdownLine(stanceLabel(p.stance))];
      if (p.note) meta.push(escapeMarkdownInline(p.note));
      meta.push(sourceLink(p));
      lines.push(meta.join(' · '), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
