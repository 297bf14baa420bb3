/**
 * The article data (utils/article.ts) against the saved page in shared/seed.
 * The seed sits beside the repository (../shared from the project root), in a
 * developer's checkout and in CI's clone alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_TITLE, CLOSING, REASON_NUMBERS, REASONS, reasonByNumber } from '@/utils/article';

const SEED = path.resolve(process.cwd(), '../shared/seed/eight-reasons-why-wechat-e-commerce-doesnt-work.txt');

function seedBlocks(): string[] {
  if (!existsSync(SEED)) {
    throw new Error(`article seed not found at ${SEED}: run the tests from the project root with shared/ beside it`);
  }
  return readFileSync(SEED, 'utf8')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b.length > 0);
}

/** The article in the seed: from the first reason heading to the paragraph ending "castle in the air". */
function seedArticle(): string[] {
  const blocks = seedBlocks();
  const first = blocks.findIndex((b) => b.startsWith('1. '));
  const last = blocks.findIndex((b) => b.endsWith('castle in the air".'));
  expect(first, 'first reason heading in the seed').toBeGreaterThan(0);
  expect(last, 'closing paragraph in the seed').toBeGreaterThan(first);
  return blocks.slice(first, last + 1);
}

describe('article data', () => {
  it('has the title of the seed', () => {
    expect(seedBlocks()[0]).toBe(ARTICLE_TITLE);
  });

  it('has eight reasons numbered 1..8, each with a title and paragraphs', () => {
    expect(REASONS.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(REASON_NUMBERS).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const r of REASONS) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.paragraphs.length).toBeGreaterThan(0);
      expect(reasonByNumber(r.n)).toBe(r);
    }
  });

  it('holds every paragraph of the article, in order, and nothing else', () => {
    const expected = [
      ...REASONS.flatMap((r) => [`${r.n}. ${r.title}`, ...r.paragraphs.map((p) => p.replace(/\s+/g, ' ').trim())]),
      CLOSING,
    ];
    expect(expected).toEqual(seedArticle());
  });

  it('ends with the closing paragraph, "castle in the air"', () => {
    expect(CLOSING.endsWith('castle in the air".')).toBe(true);
    const article = seedArticle();
    expect(article[article.length - 1]).toBe(CLOSING);
  });

  it('has nothing from the page chrome after the article', () => {
    const all = [ARTICLE_TITLE, CLOSING, ...REASONS.flatMap((r) => [r.title, r.summary, ...r.paragraphs])].join('\n');
    for (const chrome of ['Qingyun', 'Baijiahao', 'Recommend', '<<:', '>>:', 'Windows 9', 'bacteria']) {
      expect(all).not.toContain(chrome);
    }
    // The chrome really is in the seed, right after the article: the check above means something.
    const blocks = seedBlocks();
    const closing = blocks.indexOf(CLOSING);
    expect(blocks.slice(closing + 1).join('\n')).toContain('Qingyun');
    expect(blocks).toContain('Recommend');
  });

  it('has a short one-line summary per reason in our own words', () => {
    for (const r of REASONS) {
      expect(r.summary.length).toBeGreaterThan(30);
      expect(r.summary.length).toBeLessThanOrEqual(160);
      expect(r.summary).not.toMatch(/\n/);
      expect(r.paragraphs.join(' ')).not.toContain(r.summary);
      expect(r.summary).not.toBe(r.title);
    }
  });
});
