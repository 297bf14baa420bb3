/** Both locales carry the same keys and placeholders, and every key the UI asks for exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_IDS } from '@/utils/entities';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { formatMessage } from './helpers/ui';

type Locale = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = en as Locale;
const ZH = zh as Locale;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('locales', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it('use the same placeholders in both, and every placeholder is used', () => {
    for (const key of Object.keys(EN)) {
      const names = (m: string) => [...m.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]?.toLowerCase()).sort();
      expect(names(ZH[key]!.message), key).toEqual(names(EN[key]!.message));
      expect(Object.keys(EN[key]!.placeholders ?? {}).sort(), key).toEqual([...new Set(names(EN[key]!.message))]);
    }
  });

  it('have every key the pages and components ask for', () => {
    const files = [
      ...sourceFiles('components'),
      ...sourceFiles('entrypoints/popup'),
      ...sourceFiles('entrypoints/sidepanel'),
      ...sourceFiles('entrypoints/options'),
    ];
    const keys = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_]+)'/g)) keys.add(m[1]!);
    }
    // Keys built from ids.
    for (const id of ENTITY_IDS) keys.add(`entity_${id}`);
    keys.add('page_light');
    keys.add('page_dark');
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => !(k in EN));
    expect(missing).toEqual([]);
  });

  it('have the hover card keys the page engine uses', () => {
    expect(formatMessage(EN.card_reason!, ['6'])).toBe('Reason 6');
    expect(formatMessage(ZH.card_reason!, ['6'])).toBe('理由 6');
    expect(formatMessage(EN.card_linkedBy!, ['Moments'])).toBe('linked by: Moments');
    expect(formatMessage(ZH.card_linkedBy!, ['朋友圈'])).toBe('关联依据：朋友圈');
    for (const k of ['card_noArgument', 'card_noCues', 'card_clickHint', 'card_clickMentions']) {
      expect(EN[k]?.message).toBeTruthy();
      expect(ZH[k]?.message).toBeTruthy();
    }
    expect(formatMessage(EN.card_mayRelate!, ['6'])).toBe('May relate to reason 6');
    expect(formatMessage(EN.card_aboutOther!, ['IPO'])).toBe('the text is about: IPO');
  });

  it('fill two substitutions in order', () => {
    expect(formatMessage(EN.verdict_top!, ['6', 'Moments'])).toBe('This page mostly touches reason 6: Moments');
    expect(formatMessage(ZH.verdict_top!, ['6', 'Moments'])).toBe('此页面主要涉及理由 6：Moments');
  });
});
