/**
 * `npm run eval:link`: top-1 agreement of linkMention with the labels in
 * tests/fixtures/link-eval.json, per language and overall, and a confusion
 * table (rows: label, columns: linked reason or "none"). Fails under 85 % in
 * either language. Each item's mention is found with findMatches, its sentence
 * with contextAround, and the whole text is the paragraph.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contextAround, linkMention } from '@/utils/link';
import { findMatches } from '@/utils/match';
import type { EntityId, ReasonNumber } from '@/utils/types';

interface Item {
  lang: 'en' | 'zh';
  entity: EntityId;
  text: string;
  label: ReasonNumber;
}

const THRESHOLD = 0.85;
const items = JSON.parse(readFileSync(new URL('../fixtures/link-eval.json', import.meta.url), 'utf8')) as Item[];

interface Outcome {
  item: Item;
  got: ReasonNumber | null;
  source: string;
  cues: string[];
}

function run(item: Item): Outcome {
  const m = findMatches(item.text, [item.entity])[0];
  if (!m) throw new Error(`no ${item.entity} mention in: ${item.text}`);
  const { sentence } = contextAround(item.text, m.start, m.end);
  const r = linkMention(item.entity, sentence, item.text);
  return { item, got: r.reason, source: r.source, cues: r.cues };
}

function pct(ok: number, n: number): string {
  return n === 0 ? 'n/a' : `${((100 * ok) / n).toFixed(1)} %`;
}

function confusion(outcomes: Outcome[]): string {
  const cols = ['1', '2', '3', '4', '5', '6', '7', '8', 'none'];
  const lines = [`label\\got ${cols.map((c) => c.padStart(4)).join(' ')}   n  agree`];
  for (let label = 1; label <= 8; label++) {
    const row = outcomes.filter((o) => o.item.label === label);
    const counts = cols.map((c) => row.filter((o) => String(o.got ?? 'none') === c).length);
    const ok = row.filter((o) => o.got === label).length;
    lines.push(
      `${String(label).padStart(9)} ${counts.map((k) => String(k || '.').padStart(4)).join(' ')} ${String(row.length).padStart(3)}  ${pct(ok, row.length)}`,
    );
  }
  return lines.join('\n');
}

it('links at least 85 % of the evaluation set correctly in each language', () => {
  expect(items.length).toBeGreaterThanOrEqual(150);
  const outcomes = items.map(run);
  const report: string[] = [];
  const rates: Record<string, number> = {};
  for (const lang of ['en', 'zh', 'all'] as const) {
    const subset = lang === 'all' ? outcomes : outcomes.filter((o) => o.item.lang === lang);
    const ok = subset.filter((o) => o.got === o.item.label).length;
    rates[lang] = ok / subset.length;
    report.push(`${lang.padEnd(3)} top-1 agreement: ${ok}/${subset.length} = ${pct(ok, subset.length)}`);
  }
  const bySource = new Map<string, number>();
  for (const o of outcomes) bySource.set(o.source, (bySource.get(o.source) ?? 0) + 1);
  report.push(`decided by: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  report.push('', confusion(outcomes), '', 'disagreements:');
  for (const o of outcomes.filter((x) => x.got !== x.item.label)) {
    report.push(
      `  [${o.item.lang}] ${o.item.entity} label ${o.item.label} got ${o.got ?? 'none'} (${o.source}: ${o.cues.join(', ') || '-'}) ${o.item.text}`,
    );
  }
  process.stdout.write(`\n${report.join('\n')}\n\n`);
  expect(rates.en, 'English agreement').toBeGreaterThanOrEqual(THRESHOLD);
  expect(rates.zh, 'Chinese agreement').toBeGreaterThanOrEqual(THRESHOLD);
});
