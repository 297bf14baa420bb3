/**
 * findMatches against a slow, obviously-correct reference: normalise char by
 * char, then try every alias at every position, longest first, with boundary
 * checks. Inputs are built from alias fragments, near-misses, Latin and CJK
 * filler, punctuation, ignorable characters and full-width variants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_IDS } from '@/utils/entities';
import { candidateNodes, findMatches, hasCandidate, normalizeForMatch } from '@/utils/match';
import type { EntityId, TextMatch } from '@/utils/types';

const IGNORABLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

function isIgnorable(ch: string): boolean {
  return IGNORABLES.includes(ch);
}

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
}

/** A letter of the Latin script or a decimal digit (the code point, not the UTF-16 unit). */
function isLatinWordChar(cp: number | undefined): boolean {
  return cp !== undefined && /^[\p{Script=Latin}\p{Nd}]$/u.test(String.fromCodePoint(cp));
}

/** The code point that ends just before unit p / starts at unit q of the normalised characters. */
function cpBefore(chars: { ch: string }[], p: number): number | undefined {
  const last = chars[p - 1]?.ch;
  if (last === undefined) return undefined;
  const lead = chars[p - 2]?.ch;
  if (/[\udc00-\udfff]/.test(last) && lead !== undefined && /[\ud800-\udbff]/.test(lead))
    return (lead + last).codePointAt(0);
  return last.charCodeAt(0);
}
function cpAt(chars: { ch: string }[], q: number): number | undefined {
  const first = chars[q]?.ch;
  if (first === undefined) return undefined;
  return (first + (chars[q + 1]?.ch ?? '')).codePointAt(0);
}

function sameLetter(textCh: string, aliasCh: string): boolean {
  return /[A-Za-z]/.test(textCh) ? textCh.toLowerCase() === aliasCh.toLowerCase() : textCh === aliasCh;
}

/** Reference matcher. */
function reference(text: string, entities: readonly EntityId[]): TextMatch[] {
  const chars: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!isIgnorable(ch)) chars.push({ ch: fold(ch), at: i });
  }
  const aliases = ENTITIES.filter((e) => entities.includes(e.id))
    .flatMap((e) => e.aliases.map((alias) => ({ entity: e.id, alias, latin: /^[\x20-\x7e]+$/.test(alias) })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const out: TextMatch[] = [];
  let p = 0;
  while (p < chars.length) {
    let matched = false;
    for (const a of aliases) {
      if (a.latin && isLatinWordChar(cpBefore(chars, p))) continue;
      // Walk the alias; a space in it eats a whole whitespace run in the text.
      let q = p;
      let ok = true;
      for (const ach of a.alias) {
        if (ach === ' ') {
          if (q >= chars.length || !/\s/.test(chars[q]!.ch)) {
            ok = false;
            break;
          }
          while (q < chars.length && /\s/.test(chars[q]!.ch)) q++;
        } else if (q < chars.length && sameLetter(chars[q]!.ch, ach)) {
          q++;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (a.latin && isLatinWordChar(cpAt(chars, q))) continue;
      out.push({ entity: a.entity, alias: a.alias, start: chars[p]!.at, end: chars[q - 1]!.at + 1 });
      p = q;
      matched = true;
      break;
    }
    if (!matched) p++;
  }
  return out;
}

const ALL_ALIASES = ENTITIES.flatMap((e) => e.aliases);
const FRAGMENTS = [
  'We',
  'Chat',
  'Pay',
  'Tao',
  'bao',
  '.com',
  'Ali',
  'baba',
  'Group',
  '阿里',
  '微',
  '信',
  '支付',
  '宝',
  '淘',
  '网',
  '集团',
  '山',
];
const LATIN_FILLER = ['x', 'shop', 'ty', 's', '2', 'é', 'the', 'ɓ', 'ß', 'Ω', '٣', '\u{1df00}', '😀', 'ſ', '\u212a'];
const CJK_FILLER = ['的', '用户', '电商', '平台', '说'];
const PUNCT = [' ', '  ', '.', "'", '’', '(', ')', ',', '，', '。', '-', '\u00a0', '\n', '\u3000', '！'];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ALL_ALIASES) },
  { weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...LATIN_FILLER) },
  { weight: 1, arbitrary: fc.constantFrom(...CJK_FILLER) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...IGNORABLES) },
);

/** Per character: maybe upper/lower case, maybe full-width, maybe an ignorable after it. */
const variant = fc.record({
  caseFlip: fc.integer({ min: 0, max: 3 }),
  fullWidth: fc.integer({ min: 0, max: 3 }),
  ignorable: fc.integer({ min: 0, max: 4 }),
});

function dress(tok: string, v: { caseFlip: number; fullWidth: number; ignorable: number }, salt: number): string {
  let out = '';
  let k = salt;
  for (const ch of tok) {
    let c = ch;
    k = (k * 31 + 7) % 101;
    if (v.caseFlip === 1) c = c.toUpperCase();
    else if (v.caseFlip === 2) c = c.toLowerCase();
    if (v.fullWidth === 0 && /[!-~]/.test(c) && k % 2 === 0) c = String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    out += c;
    if (v.ignorable === 0 && k % 3 === 0) out += IGNORABLES[k % IGNORABLES.length];
  }
  return out;
}

const text = fc
  .array(fc.tuple(token, variant, fc.nat(1000)), { maxLength: 30 })
  .map((parts) => parts.map(([t, v, salt]) => dress(t, v, salt)).join(''));

const entitySet = fc.subarray([...ENTITY_IDS], { minLength: 0 });

describe('findMatches (property)', () => {
  it('equals the reference matcher', () => {
    fc.assert(
      fc.property(text, entitySet, (t, entities) => {
        expect(findMatches(t, entities)).toEqual(reference(t, entities));
      }),
      { numRuns: 1500 },
    );
  });

  it("every match's visible text is its alias", () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const m of findMatches(t, ENTITY_IDS)) {
          const seen = normalizeForMatch(t.slice(m.start, m.end)).replace(/\s+/g, ' ');
          expect(seen.toLowerCase()).toBe(m.alias.toLowerCase());
          expect(isIgnorable(t[m.start]!)).toBe(false);
          expect(isIgnorable(t[m.end - 1]!)).toBe(false);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('returns sorted, non-overlapping matches, and hasCandidate agrees', () => {
    fc.assert(
      fc.property(text, entitySet, (t, entities) => {
        const m = findMatches(t, entities);
        for (let i = 1; i < m.length; i++) expect(m[i]!.start).toBeGreaterThanOrEqual(m[i - 1]!.end);
        expect(hasCandidate(t, entities)).toBe(m.length > 0);
      }),
      { numRuns: 800 },
    );
  });

  it('finds a name however it is dressed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ALIASES), variant, fc.nat(1000), (alias, v, salt) => {
        const t = `(${dress(alias, v, salt)})`;
        const m = findMatches(t, ENTITY_IDS);
        expect(m).toHaveLength(1);
        expect(m[0]!.alias).toBe(alias);
      }),
      { numRuns: 500 },
    );
  });

  it('candidateNodes passes the text node where each match starts, however the text is split into nodes', () => {
    fc.assert(
      fc.property(
        text,
        entitySet,
        fc.array(fc.nat(200), { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (t, entities, rawCuts, batchSize) => {
          const cuts = [...new Set(rawCuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...cuts.filter((c) => c > 0 && c < t.length), t.length];
          const nodes = bounds.slice(1).map((end, i) => t.slice(bounds[i], end));
          // Tested in batches as the first pass does: each batch also reads the node after it (the name's continuation).
          const passed: number[] = [];
          for (let from = 0; from < nodes.length; from += batchSize) {
            const judged = Math.min(batchSize, nodes.length - from);
            const batch = nodes.slice(from, from + judged + 1);
            for (const i of candidateNodes(entities)(batch, judged)) passed.push(from + i);
          }
          expect(passed, 'ascending and unique').toEqual([...new Set(passed)].sort((x, y) => x - y));
          for (const m of findMatches(t, entities)) {
            let i = 0;
            while (bounds[i + 1]! <= m.start) i++;
            expect(passed, JSON.stringify({ nodes, m })).toContain(i);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
