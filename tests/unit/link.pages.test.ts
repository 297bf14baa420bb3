/**
 * The reasons the end-to-end tests expect on the fixture pages (tests/e2e/expected-mentions.ts), checked against the
 * linker alone: each mention's element text as the paragraph, its sentence cut as the engine cuts it. A cue change
 * that breaks an e2e expectation fails here in a second, without a browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { contextAround, linkMention } from '@/utils/link';
import { findMatches } from '@/utils/match';
import { DEMO_MENTIONS, type ExpectedMention, TRAPS_EN_MENTIONS, TRAPS_ZH_MENTIONS } from '../e2e/expected-mentions';

const PAGES: [string, readonly ExpectedMention[]][] = [
  ['demo.html', DEMO_MENTIONS],
  ['traps-en.html', TRAPS_EN_MENTIONS],
  ['traps-zh.html', TRAPS_ZH_MENTIONS],
];

it.each(PAGES)('%s: every mention with an expected reason links to it', (file, expected) => {
  const html = readFileSync(path.resolve(__dirname, '../fixtures/pages', file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const m of expected) {
    if (m.reason === undefined) continue;
    const text = doc.getElementById(m.where)?.textContent ?? '';
    const match = findMatches(text, [m.entity])[0];
    expect(match, `${m.entity} in #${m.where}`).toBeDefined();
    if (!match) continue;
    const { sentence } = contextAround(text, match.start, match.end);
    const link = linkMention(m.entity, sentence, text);
    expect(link.reason, `#${m.where}: ${link.source} ${link.cues.join(', ')}`).toBe(m.reason);
    if (link.reason !== null) expect(link.cues.length).toBeGreaterThan(0);
  }
});
