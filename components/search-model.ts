/**
 * Search in the article: literal, case-insensitive matching over the
 * article's text blocks, and splitting a block into plain and marked
 * segments for rendering as text nodes. Pure.
 */
import { CLOSING, REASONS } from '@/utils/article';

export interface TextBlock {
  /** e.g. "r3-title", "r3-p0", "closing". */
  id: string;
  text: string;
}

/** Every searchable block of the article in reading order. */
export const ARTICLE_BLOCKS: readonly TextBlock[] = [
  ...REASONS.flatMap((r) => [
    { id: `r${r.n}-title`, text: r.title },
    ...r.paragraphs.map((text, i) => ({ id: `r${r.n}-p${i}`, text })),
  ]),
  { id: 'closing', text: CLOSING },
];

export interface SearchHit {
  block: string;
  start: number;
  end: number;
}

/** Queries shorter than this search nothing (one letter would mark the whole article). */
export const MIN_QUERY = 2;

/** Treats curly and straight apostrophes alike, so "doesn't" finds "doesn’t". */
function fold(s: string): string {
  return s.toLowerCase().replace(/[’‘]/g, "'");
}

/** Non-overlapping occurrences of `query` in `text`, case-insensitive. */
export function findInText(text: string, query: string): Array<[number, number]> {
  const q = fold(query.trim());
  if (q.length < MIN_QUERY) return [];
  // fold() keeps the length of every character, so offsets map back 1:1.
  const hay = fold(text);
  const out: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const at = hay.indexOf(q, from);
    if (at < 0) return out;
    out.push([at, at + q.length]);
    from = at + q.length;
  }
}

export function searchBlocks(blocks: readonly TextBlock[], query: string): SearchHit[] {
  return blocks.flatMap((b) => findInText(b.text, query).map(([start, end]) => ({ block: b.id, start, end })));
}

export interface Segment {
  text: string;
  /** Index into the hits list when this segment is a hit. */
  hit: number | null;
}

/** Split one block's text into plain and hit segments. `hits` is the full list; only this block's are used. */
export function segmentsFor(blockId: string, text: string, hits: readonly SearchHit[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  hits.forEach((h, i) => {
    if (h.block !== blockId || h.start < pos) return;
    if (h.start > pos) out.push({ text: text.slice(pos, h.start), hit: null });
    out.push({ text: text.slice(h.start, h.end), hit: i });
    pos = h.end;
  });
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), hit: null });
  return out;
}

/** Reason number a block belongs to (null for the closing paragraph). */
export function blockReason(blockId: string): number | null {
  const m = /^r(\d)-/.exec(blockId);
  return m ? Number(m[1]) : null;
}
