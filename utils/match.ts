/**
 * Text -> alias occurrences. Pure: no DOM, no extension API.
 *
 * Rules (see entities.ts for the table):
 * - Latin aliases match case-insensitively and never inside a longer Latin
 *   word: a Latin letter or digit right before or after blocks the match.
 * - CJK aliases match anywhere (Chinese has no word boundaries).
 * - Leftmost, then longest: "WeChat Pay" is one match, not "WeChat".
 * - Text as people see it: full-width forms (ＷｅＣｈａｔ) count as ASCII,
 *   soft hyphens and zero-width characters inside a name are skipped, and a
 *   space in an alias matches any run of whitespace.
 *
 * Offsets are indices into the original string, so a match may contain the
 * skipped characters; it never starts or ends on one.
 */
import { CORE_BATCH_PATTERN } from './batch-pattern';
import { CORE_ENTITY_IDS, ENTITIES, sameEntities } from './entities';
import type { EntityId, TextMatch } from './types';

/** Characters a reader does not see: soft hyphen, ZWSP/ZWNJ/ZWJ, word joiner, BOM. */
export const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * Characters whose normalisation can change a result: the ignorables, and the
 * full-width forms of letters, digits and the dot. Other full-width punctuation
 * maps to ASCII punctuation that neither blocks nor takes part in a match, so
 * text without these characters is matched as it is, without a copy.
 */
const NEEDS_NORMALISING = /[\u00ad\u200b-\u200d\u2060\ufeff\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/**
 * A letter of the Latin script (any case, any accent, IPA) or a decimal digit:
 * blocks a Latin alias right next to it. Han, kana, punctuation and symbols do not.
 */
const LATIN_WORD_CHAR = '\\p{Script=Latin}\\p{Nd}';
/** An ASCII letter or digit, by char code. */
export const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Compiled on first need only: a Unicode property class costs about a millisecond to compile. */
let latinWordRe: RegExp | null = null;

/** Whether `ch` (one code point) is a Latin letter or a digit: ASCII in code, the rest by the Unicode classes. */
function isLatinWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return isAsciiAlnum(c);
  latinWordRe ??= new RegExp(`^[${LATIN_WORD_CHAR}]$`, 'u');
  return latinWordRe.test(ch);
}

/** Whether the code point that ends just before `index` is a Latin letter or digit. */
function latinWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const last = text.charCodeAt(index - 1);
  const lead = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const isPair = last >= 0xdc00 && last <= 0xdfff && lead >= 0xd800 && lead <= 0xdbff;
  return isLatinWordChar(isPair ? text.slice(index - 2, index) : text.charAt(index - 1));
}

/** Whether the code point that starts at `index` is a Latin letter or digit. */
function latinWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const cp = text.codePointAt(index) as number;
  return isLatinWordChar(String.fromCodePoint(cp));
}

function isIgnorable(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** Full-width ASCII variants (U+FF01..U+FF5E) -> ASCII; everything else unchanged. */
function foldWidth(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

export function isLatinAlias(alias: string): boolean {
  return /^[\x20-\x7e]+$/.test(alias);
}

/** The text a reader sees: full-width forms folded to ASCII and ignorable characters removed. */
export function normalizeForMatch(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return normalizeWithMap(text).text;
}

interface Normalised {
  text: string;
  /** map[i] = index in the original string of normalised character i. */
  map: Int32Array;
}

function normalizeWithMap(text: string): Normalised {
  const n = text.length;
  const map = new Int32Array(n);
  const codes = new Uint16Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) continue;
    codes[j] = foldWidth(code);
    map[j] = i;
    j++;
  }
  // TextDecoder would need bytes; fromCharCode over chunks avoids argument-count limits.
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < j; k += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(j, k + CHUNK)) as unknown as number[]);
  }
  return { text: out, map: map.subarray(0, j) };
}

interface AliasInfo {
  entity: EntityId;
  alias: string;
  latin: boolean;
}

interface Matcher {
  /** One alternation of every alias, longest first. */
  re: RegExp;
  /** Lower-cased alias (spaces collapsed) -> its entity and canonical spelling. */
  byKey: Map<string, AliasInfo>;
  /** The Latin aliases in the alternation's order, each with its sticky regex (made on first need). */
  latin: { info: AliasInfo; body: string; sticky: RegExp | null }[];
}

const EMPTY_MATCHER: Matcher = { re: /(?!)/g, byKey: new Map(), latin: [] };
const cache = new Map<string, Matcher>();
/** Callers usually pass the same array for every text: skip building the key then. */
const byArray = new WeakMap<readonly EntityId[], Matcher>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Key used to look an occurrence up in byKey: lower-case ASCII, whitespace runs as one space. */
function aliasKey(s: string): string {
  return s.replace(/\s+/g, ' ').toLowerCase();
}

function buildMatcher(entities: readonly EntityId[]): Matcher {
  const wanted = new Set(entities);
  const infos: AliasInfo[] = [];
  for (const e of ENTITIES) {
    if (!wanted.has(e.id)) continue;
    for (const alias of e.aliases) infos.push({ entity: e.id, alias, latin: isLatinAlias(alias) });
  }
  if (infos.length === 0) return EMPTY_MATCHER;
  // Longest first so the alternation prefers "WeChat Pay" over "WeChat"; ties sorted for determinism.
  infos.sort((a, b) => b.alias.length - a.alias.length || (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  const body = (info: AliasInfo) => info.alias.split(/\s+/).map(escapeRegExp).join('\\s+');
  const byKey = new Map<string, AliasInfo>();
  for (const info of infos) byKey.set(aliasKey(info.alias), info);
  // Both word boundaries are checked in code (see scan), not in the regex: a lookbehind on every alternative
  // would stop the engine from skipping ahead by first character, and a Unicode property class in a lookahead
  // costs about a millisecond to compile on every page. 'u': its case folding maps no other letter onto these
  // ASCII aliases.
  const latin = infos.filter((i) => i.latin).map((info) => ({ info, body: body(info), sticky: null }));
  const parts = [...latin.map((l) => l.body), ...infos.filter((i) => !i.latin).map(body)];
  return { re: new RegExp(parts.join('|'), 'giu'), byKey, latin };
}

/**
 * The Latin alias the regex would have settled on at `index` had it checked
 * the right boundary itself: the first one after `failed`, in the
 * alternation's order, that matches there and is not followed by a Latin
 * letter or digit ("WeChat" in "WeChat Payx").
 */
function shorterLatin(
  m: Matcher,
  text: string,
  index: number,
  failed: AliasInfo,
): { matched: string; info: AliasInfo } | null {
  let after = false;
  for (const l of m.latin) {
    if (!after) {
      after = l.info === failed;
      continue;
    }
    l.sticky ??= new RegExp(l.body, 'iuy');
    l.sticky.lastIndex = index;
    const r = l.sticky.exec(text);
    if (r && !latinWordAt(text, index + r[0].length)) return { matched: r[0], info: l.info };
  }
  return null;
}

function matcherFor(entities: readonly EntityId[]): Matcher {
  const known = byArray.get(entities);
  if (known) return known;
  const key = [...entities].sort().join(',');
  let m = cache.get(key);
  if (!m) {
    m = buildMatcher(entities);
    cache.set(key, m);
  }
  // Arrays are taken as they are now; a caller that mutates its array in place must pass a new one.
  byArray.set(entities, m);
  return m;
}

/**
 * Runs the matcher over `text` (already normalised) and calls `found` for
 * each accepted match; stops early when `found` returns false.
 */
function scan(m: Matcher, text: string, found: (index: number, matched: string, info: AliasInfo) => boolean): void {
  const re = m.re;
  re.lastIndex = 0;
  for (let r = re.exec(text); r !== null; r = re.exec(text)) {
    let matched = r[0];
    let info = m.byKey.get(aliasKey(matched));
    if (!info) {
      re.lastIndex = r.index + 1;
      continue;
    }
    if (info.latin) {
      // Inside a longer word: no Latin alias can start here, and a CJK alias
      // never starts with a Latin letter, so try again one character later.
      if (latinWordBefore(text, r.index)) {
        re.lastIndex = r.index + 1;
        continue;
      }
      if (latinWordAt(text, r.index + matched.length)) {
        const shorter = shorterLatin(m, text, r.index, info);
        if (!shorter) {
          re.lastIndex = r.index + 1;
          continue;
        }
        ({ matched, info } = shorter);
        re.lastIndex = r.index + matched.length;
      }
    }
    if (!found(r.index, matched, info)) return;
  }
}

/** All alias occurrences in `text`, sorted by start, non-overlapping. */
export function findMatches(text: string, entities: readonly EntityId[]): TextMatch[] {
  const m = matcherFor(entities);
  if (m === EMPTY_MATCHER || text.length === 0) return [];
  const out: TextMatch[] = [];
  if (!NEEDS_NORMALISING.test(text)) {
    scan(m, text, (index, matched, info) => {
      out.push({ entity: info.entity, alias: info.alias, start: index, end: index + matched.length });
      return true;
    });
    return out;
  }
  const norm = normalizeWithMap(text);
  scan(m, norm.text, (index, matched, info) => {
    const start = norm.map[index] as number;
    const end = (norm.map[index + matched.length - 1] as number) + 1;
    out.push({ entity: info.entity, alias: info.alias, start, end });
    return true;
  });
  return out;
}

/** True when `text` on its own holds at least one match (same answer as findMatches(...).length > 0, cheaper). */
export function hasCandidate(text: string, entities: readonly EntityId[]): boolean {
  const m = matcherFor(entities);
  if (m === EMPTY_MATCHER || text.length === 0) return false;
  const subject = NEEDS_NORMALISING.test(text) ? normalizeWithMap(text).text : text;
  let hit = false;
  scan(m, subject, () => {
    hit = true;
    return false;
  });
  return hit;
}

/** The entity and canonical alias a piece of text spells, or null (e.g. "ｗｅｃｈａｔ" -> wechat/"WeChat"). */
export function aliasEntity(text: string): { entity: EntityId; alias: string } | null {
  const info = matcherFor(ENTITIES.map((e) => e.id)).byKey.get(aliasKey(normalizeForMatch(text)));
  return info ? { entity: info.entity, alias: info.alias } : null;
}

/**
 * Indices, ascending, of the texts of a batch of text nodes (in document
 * order) that may hold or start a match. Only the first `judged` texts are
 * judged; the rest are read to see how a name at the end of the last judged
 * one could go on. `skipped(i)` says whether text i lies in content the walker
 * skips without a break (a <style> between We and Chat): a name may then run
 * past it, so it is asked before a name's start is ruled out.
 */
export type BatchTest = (texts: readonly string[], judged?: number, skipped?: (index: number) => boolean) => number[];

const batchTests = new WeakMap<readonly EntityId[], BatchTest>();

/** Joins the texts of a batch: never part of an alias, so no whole-alias match spans two nodes. */
const SEPARATOR = '\u0000';

/** `s` and every prefix of it as one regex: `a(?:b(?:c)?)?`. */
function prefixChain(s: string, piece: (ch: string) => string): string {
  const chars = [...s];
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) out = piece(chars[i] as string) + (out ? `(?:${out})?` : '');
  return out;
}

/** The batch test's makings: its regex source, and for each node-end prefix the characters that may continue it. */
export interface BatchPattern {
  source: string;
  follow: Readonly<Record<string, string>>;
}

const piece = (ch: string) => (ch === ' ' ? '\\s+' : escapeRegExp(ch));

/** The batch test's pattern for `entities` (null for none); see candidateNodes. Pure. */
export function batchPattern(entities: readonly EntityId[]): BatchPattern | null {
  const aliases: string[] = [];
  for (const e of ENTITIES) if (entities.includes(e.id)) aliases.push(...e.aliases);
  if (aliases.length === 0) return null;
  const pattern = (a: string) => a.split(/\s+/).map(escapeRegExp).join('\\s+');
  const keys = aliases.map(aliasKey);
  // Aliases holding a shorter one ("WeChat Pay" holds "WeChat") add nothing to the whole-alias test.
  const minimal = keys.filter((k) => !keys.some((o) => o !== k && k.includes(o)));
  // Proper prefixes that may end a node, except those holding a whole minimal alias (the whole test finds those),
  // each with the characters that may follow it. A Latin prefix counts only where a name may start, after no
  // ASCII letter or digit.
  const follow: Record<string, string> = {};
  // Per alias, its longest such prefix: the regex takes it and every prefix of it.
  const latin = new Set<string>();
  const cjk = new Set<string>();
  for (const alias of aliases) {
    const key = aliasKey(alias);
    let longest = '';
    for (let k = 1; k < key.length; k++) {
      const p = key.slice(0, k).trimEnd();
      // Longer prefixes hold it too.
      if (minimal.some((m) => p.includes(m))) break;
      longest = p;
      const next = key.charAt(p.length);
      if (!(follow[p] ?? '').includes(next)) follow[p] = (follow[p] ?? '') + next;
    }
    if (longest) (isLatinAlias(alias) ? latin : cjk).add(longest);
  }
  const chains = (set: Set<string>) => [...set].map((p) => prefixChain(p, piece)).join('|');
  const ends: string[] = [];
  if (latin.size) ends.push(`(?<![A-Za-z0-9])(?:${chains(latin)})`);
  if (cjk.size) ends.push(chains(cjk));
  // Group 1: a prefix that ends a node (trailing whitespace allowed only where a name holds a space).
  const spaced = Object.values(follow).some((next) => next.includes(' '));
  // Matched at the separator, looking back: the regex then starts work only at whole-name letters and the rare
  // separator, not at every letter that may begin a prefix.
  const nodeEnd = ends.length ? `|(?<=(${ends.join('|')})${spaced ? '\\s*' : ''})${SEPARATOR}` : '';
  return { source: `${[...new Set(minimal.map(pattern)), NEEDS_NORMALISING.source].join('|')}${nodeEnd}`, follow };
}

/**
 * The text-first pass's test, for a batch of text nodes at once: true for a
 * node that may hold a match or start one. A match within a node contains a
 * whole alias (or characters normalisation changes). A match that runs on
 * into the next node across inline elements leaves an alias prefix at this
 * node's end (`We` of We<b>Chat</b>, `阿里巴` of 阿里巴<i>巴</i>) and goes on with
 * the character that continues that prefix at the next node's start. So every
 * run where findMatches finds something has a node this test passes. A
 * superset: boundaries are left to findMatches.
 *
 * Why a batch: one regex over the joined texts, whole names and node-end
 * prefixes in one alternation, costs a fraction of a regex or any string work
 * per node; only a prefix found at a node's end costs a look at the next node.
 */
export function candidateNodes(entities: readonly EntityId[]): BatchTest {
  const known = batchTests.get(entities);
  if (known) return known;
  // The default entities' pattern is read from the build's batch-pattern.ts: building it would run on every page.
  const made = (sameEntities(entities, CORE_ENTITY_IDS) && CORE_BATCH_PATTERN) || batchPattern(entities);
  if (!made) return () => [];
  const { follow } = made;
  const re = new RegExp(made.source, 'giu');
  // What may start the next node after a prefix: its continuations (any whitespace for a space), in any case,
  // and the characters normalisation changes. Compiled on first need.
  const followers = new Map<string, RegExp>();
  const goesOn = (prefix: string, next: string): boolean => {
    let test = followers.get(prefix);
    if (!test) {
      const chars = [...(follow[prefix] ?? '')].map(piece);
      test = new RegExp(`^(?:${[...chars, NEEDS_NORMALISING.source].join('|')})`, 'iu');
      followers.set(prefix, test);
    }
    return test.test(next);
  };

  const test: BatchTest = (texts, judged = texts.length, skipped) => {
    const out: number[] = [];
    // A separator after the last node too: its end is a node end like the others.
    const subject = texts.join(SEPARATOR) + SEPARATOR;
    re.lastIndex = 0;
    let node = 0;
    let nodeEnd = texts.length ? (texts[0] as string).length : 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      const prefix = m[1];
      // A prefix match is the separator after its node.
      const at = prefix === undefined ? m.index : m.index - 1;
      while (at >= nodeEnd && node < texts.length - 1) nodeEnd += 1 + (texts[++node] as string).length;
      if (node >= judged) break;
      if (prefix !== undefined) {
        // A name may go on into the next node: the tree's last node, an empty one, one in skipped content, or
        // one that starts with what continues the prefix.
        const nextIndex = node + 1;
        const next = nextIndex < texts.length ? (texts[nextIndex] as string) : null;
        const key = aliasKey(prefix).trimEnd();
        if (next !== null && next.length > 0 && !goesOn(key, next.slice(0, 2)) && !(skipped?.(nextIndex) ?? false)) {
          // Not here: go on with the next node.
          re.lastIndex = m.index + 1;
          continue;
        }
      }
      out.push(node);
      // One hit is enough for a node: go on from the next one.
      re.lastIndex = nodeEnd + 1;
    }
    return out;
  };
  batchTests.set(entities, test);
  return test;
}
