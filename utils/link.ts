/**
 * A mention and the words around it -> the article's argument it belongs to,
 * with the cue words that decided it. Pure: no DOM, no extension API.
 *
 * Order: the mention's sentence, then its paragraph, then a fallback per
 * entity. Only reasons that discuss the entity compete (cues.ts). A text that
 * is plainly about something else (the Ali Baba folk tale) links to nothing.
 */
import { type CueList, ENTITY_REASONS, FALLBACK_REASON, type ReasonCues } from './cues';
import { isAsciiAlnum } from './match';
import type { EntityId, LinkResult, ReasonNumber } from './types';

/** The cue lists the linker reads: utils/cues.ts's REASON_CUES and UNRELATED_CUES. */
export interface CueData {
  reasons: Readonly<Record<ReasonNumber, ReasonCues>>;
  unrelated: ReasonCues;
}

const NO_CUES: CueData = { reasons: {} as CueData['reasons'], unrelated: { en: {}, zh: {} } };
let cueSource: () => CueData = () => NO_CUES;
let cueData: CueData | null = null;

/**
 * Where the cue lists come from, read on first need. The content script's come from its locale, through the
 * background (utils/cue-request.ts), which keeps 3 KB of gzipped cue text out of its bundle; tests and the bench pass
 * utils/cues.ts.
 * Until set, or when the source fails, nothing is cued and mentions take their fallback reason.
 */
export function useCueData(source: () => CueData): void {
  cueSource = source;
  cueData = english = chinese = null;
  englishStarts = null;
  hitCache.clear();
}

/** The shape the linker needs: a reasons record and an unrelated record (lists missing inside are read as empty). */
export function isCueData(v: unknown): v is CueData {
  const d = v as Partial<CueData> | null;
  return (
    typeof d?.reasons === 'object' && d.reasons !== null && typeof d.unrelated === 'object' && d.unrelated !== null
  );
}

function cueLists(): CueData {
  if (!cueData) {
    try {
      const data = cueSource();
      cueData = isCueData(data) ? data : NO_CUES;
    } catch {
      cueData = NO_CUES;
    }
  }
  return cueData;
}

/** 0 stands for the "unrelated" pseudo-reason. */
type CueTarget = ReasonNumber | 0;

interface CompiledCue {
  label: string;
  target: CueTarget;
  weight: number;
  /** For "=" cues: the exact first character the match must start with. */
  exactFirst: string | null;
  /** For "*" cues the label is the word as written on the page. */
  labelFromText: boolean;
  /** Sort key: longer cues are tried first. */
  length: number;
}

interface EnglishCue extends CompiledCue {
  /** Lower-case words; `wild` words match any ending, the last plain word also its plural. */
  words: { stem: string; wild: boolean }[];
}

interface CueHit {
  label: string;
  target: CueTarget;
  weight: number;
  at: number;
  /** Where the cue's text ends. */
  end: number;
}

interface Scanner {
  /** English cues by the first three letters of their first word (all of it when shorter). */
  english: Map<string, EnglishCue[]>;
  /** Chinese cues by their first character. */
  chinese: Map<string, (CompiledCue & { text: string })[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type ChineseCue = CompiledCue & { text: string };

/** A cue spec compiled: "=" and "*" read, the label worked out. */
function compileCue(raw: string, weight: number, target: CueTarget): ChineseCue {
  const exact = raw.charCodeAt(0) === 61; // "="
  const text = exact ? raw.slice(1) : raw;
  const labelFromText = text.indexOf('*') >= 0;
  const label = labelFromText ? text.split('*').join('') : text;
  return {
    label,
    target,
    weight,
    exactFirst: exact ? text.charAt(0) : null,
    labelFromText,
    length: label.length,
    text,
  };
}

const TARGETS: readonly CueTarget[] = [1, 2, 3, 4, 5, 6, 7, 8, 0];

const WEIGHTS = [3, 2, 1] as const;

/** Each cue of one language with its weight and target: the eight reasons' then the unrelated ones. */
function eachSpec(lang: 'en' | 'zh', visit: (raw: string, weight: number, target: CueTarget) => void): void {
  const data = cueLists();
  for (const target of TARGETS) {
    const list: CueList | undefined = target === 0 ? data.unrelated[lang] : data.reasons[target]?.[lang];
    for (const weight of WEIGHTS) for (const raw of list?.[weight] ?? []) visit(raw, weight, target);
  }
}

/** Longest first, so "conversion rate" wins over "conversion" and 大数据 over 数据. */
function longestFirst<T extends CompiledCue>(map: Map<string, T[]>): Map<string, T[]> {
  for (const list of map.values()) if (list.length > 1) list.sort((a, b) => b.length - a.length);
  return map;
}

/*
 * Each language's table is built on the first text that needs it (a page in one language never builds the
 * other), with plain loops (no generator, object spread or rest per cue): it runs cold on every page.
 */
function compileEnglish(): Scanner['english'] {
  const english = new Map<string, EnglishCue[]>();
  eachSpec('en', (raw, weight, target) => {
    const cue = compileCue(raw, weight, target) as ChineseCue & EnglishCue;
    const words: EnglishCue['words'] = [];
    // Spaces, hyphens and apostrophes all separate words: "self-media", "Singles' Day".
    for (const w of cue.text.toLowerCase().split(/[\s\-'’]+/)) {
      if (!w) continue;
      const wild = w.charCodeAt(w.length - 1) === 42; // "*"
      words.push({ stem: wild ? w.slice(0, -1) : w, wild });
    }
    const first = words[0];
    if (!first) return;
    cue.words = words;
    push(english, first.stem.slice(0, 3), cue);
  });
  return longestFirst(english);
}

function compileChinese(): Scanner['chinese'] {
  const chinese = new Map<string, ChineseCue[]>();
  eachSpec('zh', (raw, weight, target) => {
    const cue = compileCue(raw, weight, target);
    push(chinese, cue.text.charAt(0), cue);
  });
  return longestFirst(chinese);
}

function wordMatches(token: string, word: { stem: string; wild: boolean }, last: boolean): boolean {
  if (word.wild) return token.startsWith(word.stem);
  if (token === word.stem) return true;
  // A plural on the last word: "accounts", "merchants" (a possessive "'s" is a token of its own).
  return last && (token === `${word.stem}s` || token === `${word.stem}es`);
}

/** Only spaces, hyphens and apostrophes may stand between the words of a cue. */
const CUE_GAP = /^[\s\-'’]{1,3}$/;

function scanEnglish(text: string, english: Map<string, EnglishCue[]>, hits: CueHit[]): void {
  // Tokens are runs of ASCII letters and digits (what an English cue is made of), read by char code (no match object per word); only a token with
  // a capital letter is lowered.
  const starts: number[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isAsciiAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    let upper = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isAsciiAlnum(c)) break;
      if (c <= 90 && c >= 65) upper = true;
    }
    starts.push(from);
    const token = text.slice(from, i);
    tokens.push(upper ? token.toLowerCase() : token);
  }
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as string;
    const candidates = english.get(token.slice(0, 3));
    let used = 0;
    if (candidates) {
      for (const cue of candidates) {
        const n = cue.words.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          ok = wordMatches(tokens[i + k] as string, cue.words[k] as EnglishCue['words'][number], k === n - 1);
          if (ok && k > 0) {
            const gapFrom = (starts[i + k - 1] as number) + (tokens[i + k - 1] as string).length;
            ok = CUE_GAP.test(text.slice(gapFrom, starts[i + k]));
          }
        }
        if (!ok) continue;
        const at = starts[i] as number;
        if (cue.exactFirst !== null && text.charAt(at) !== cue.exactFirst) continue;
        const end = (starts[i + n - 1] as number) + (tokens[i + n - 1] as string).length;
        const label = cue.labelFromText ? text.slice(at, end).toLowerCase() : cue.label;
        hits.push({ label, target: cue.target, weight: cue.weight, at, end });
        used = n;
        break;
      }
    }
    i += used || 1;
  }
}

function scanChinese(text: string, chinese: Scanner['chinese'], hits: CueHit[]): void {
  for (let i = 0; i < text.length; ) {
    const candidates = chinese.get(text.charAt(i));
    let used = 0;
    if (candidates) {
      for (const cue of candidates) {
        if (text.startsWith(cue.text, i)) {
          hits.push({ label: cue.label, target: cue.target, weight: cue.weight, at: i, end: i + cue.text.length });
          used = cue.text.length;
          break;
        }
      }
    }
    i += used || 1;
  }
}

let english: Scanner['english'] | null = null;
let chinese: Scanner['chinese'] | null = null;
/** Paragraphs are scanned once for all the mentions in them. */
const hitCache = new Map<string, CueHit[]>();
const HIT_CACHE_LIMIT = 256;
const HAS_LATIN = /[A-Za-z]/;
/** Every Chinese cue holds a character at or above U+3000 ("10万+" too). */
const HAS_CJK = /[\u3000-\uffff]/;

/** The first two letters of every English cue: a word must start so for the English table to find anything. */
let englishStarts: Set<string> | null = null;

/**
 * Whether a Chinese text may hold an English cue: a word of it starts like one. Most Latin words in Chinese
 * text are names ("QQ"), and building the English table for them cost a Chinese page 1.5 ms.
 */
export function mayHoldEnglish(text: string): boolean {
  if (!englishStarts) {
    const starts = new Set<string>();
    eachSpec('en', (raw) => starts.add(raw.replace('=', '').slice(0, 2).toLowerCase()));
    englishStarts = starts;
  }
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) if (englishStarts.has(word.slice(0, 2))) return true;
  return false;
}

/** Every cue occurrence in `text` in reading order: leftmost-longest, English by words, Chinese by characters. */
function findCues(text: string): CueHit[] {
  const hits: CueHit[] = [];
  if (HAS_LATIN.test(text) && (english || !HAS_CJK.test(text) || mayHoldEnglish(text))) {
    english ??= compileEnglish();
    scanEnglish(text, english, hits);
  }
  if (HAS_CJK.test(text)) {
    chinese ??= compileChinese();
    scanChinese(text, chinese, hits);
  }
  hits.sort((a, b) => a.at - b.at);
  return hits;
}

/** findCues, remembered for recently seen texts (sentences and short paragraphs repeat across mentions). */
function scanCues(text: string): CueHit[] {
  const cached = hitCache.get(text);
  if (cached) return cached;
  const hits = findCues(text);
  if (hitCache.size >= HIT_CACHE_LIMIT) hitCache.clear();
  hitCache.set(text, hits);
  return hits;
}

interface Tally {
  reason: ReasonNumber;
  score: number;
  maxWeight: number;
  /** Distinct labels, strongest first, then in reading order. */
  cues: string[];
}

interface Scored {
  best: Tally | null;
  second: number;
  unrelated: number;
}

/** Each distinct cue counts once per reason; only the entity's reasons compete. */
function score(hits: readonly CueHit[], entity: EntityId): Scored {
  const allowed = ENTITY_REASONS[entity];
  const tallies = new Map<ReasonNumber, Tally>();
  const seen = new Set<string>();
  let unrelated = 0;
  for (const hit of hits) {
    const key = `${hit.target}:${hit.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (hit.target === 0) {
      unrelated += hit.weight;
      continue;
    }
    if (!allowed.includes(hit.target)) continue;
    let t = tallies.get(hit.target);
    if (!t) {
      t = { reason: hit.target, score: 0, maxWeight: 0, cues: [] };
      tallies.set(hit.target, t);
    }
    t.score += hit.weight;
    t.maxWeight = Math.max(t.maxWeight, hit.weight);
    t.cues.push(hit.label);
  }
  const fallback = FALLBACK_REASON[entity];
  // Ties: the stronger single cue, then the entity's fallback reason, then the lower number.
  const ranked = [...tallies.values()].sort(
    (a, b) =>
      b.score - a.score ||
      b.maxWeight - a.maxWeight ||
      Number(b.reason === fallback) - Number(a.reason === fallback) ||
      a.reason - b.reason,
  );
  const best = ranked[0] ?? null;
  if (best) best.cues = orderCues(best.cues, hits, best.reason);
  return { best, second: ranked[1]?.score ?? 0, unrelated };
}

function orderCues(labels: string[], hits: readonly CueHit[], reason: ReasonNumber): string[] {
  const weightOf = new Map<string, number>();
  for (const h of hits) if (h.target === reason) weightOf.set(h.label, h.weight);
  // Stable sort keeps reading order among equal weights.
  return [...labels].sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0));
}

/** Margin over the runner-up and total weight both raise confidence; the paragraph counts for less. */
function confidence(s: Scored, source: 'sentence' | 'paragraph'): number {
  const best = s.best as Tally;
  const margin = (best.score - s.second) / best.score;
  const strength = Math.min(1, best.score / 5);
  const c = 0.3 + 0.35 * margin + 0.3 * strength;
  return round2(source === 'sentence' ? c : c * 0.75);
}

function round2(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** Unrelated words decide when they are at least as strong as the best argument's. */
function isUnrelated(s: Scored, threshold: number): boolean {
  return s.unrelated >= threshold && s.unrelated >= (s.best?.score ?? 0);
}

function unrelatedResult(s: Scored): LinkResult {
  return { reason: null, cues: [], confidence: round2(0.5 + 0.1 * s.unrelated), source: 'unrelated' };
}

/** The reason a mention of `entity` belongs to, from its sentence, then its paragraph, then the fallback. */
export function linkMention(entity: EntityId, sentence: string, paragraph: string): LinkResult {
  return decide(entity, sentence, paragraph && paragraph !== sentence ? () => scanCues(paragraph) : null);
}

/** The cue words of a whole block of text, found once for all the mentions in it. */
export interface CueIndex {
  readonly hits: readonly CueHit[];
}

/** Read lazily: most mentions are decided by their sentence and never need their paragraph. */
export function indexCues(text: string): CueIndex {
  let hits: CueHit[] | null = null;
  return {
    get hits() {
      hits ??= findCues(text);
      return hits;
    },
  };
}

/**
 * linkMention with the paragraph given as [from, to) of an indexed text: the
 * cues lying wholly inside it count, without reading the text again.
 */
export function linkMentionIn(
  entity: EntityId,
  sentence: string,
  index: CueIndex,
  from: number,
  to: number,
): LinkResult {
  return decide(entity, sentence, () => {
    const hits = index.hits;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((hits[mid] as CueHit).at < from) lo = mid + 1;
      else hi = mid;
    }
    const out: CueHit[] = [];
    for (let i = lo; i < hits.length && (hits[i] as CueHit).at < to; i++) {
      const h = hits[i] as CueHit;
      if (h.end <= to) out.push(h);
    }
    return out;
  });
}

function decide(entity: EntityId, sentence: string, paragraphHits: (() => readonly CueHit[]) | null): LinkResult {
  const inSentence = score(scanCues(sentence), entity);
  if (isUnrelated(inSentence, 2)) return unrelatedResult(inSentence);
  if (inSentence.best) {
    return {
      reason: inSentence.best.reason,
      cues: inSentence.best.cues,
      confidence: confidence(inSentence, 'sentence'),
      source: 'sentence',
    };
  }
  if (paragraphHits) {
    const inParagraph = score(paragraphHits(), entity);
    if (isUnrelated(inParagraph, 3)) return unrelatedResult(inParagraph);
    if (inParagraph.best) {
      return {
        reason: inParagraph.best.reason,
        cues: inParagraph.best.cues,
        confidence: confidence(inParagraph, 'paragraph'),
        source: 'paragraph',
      };
    }
  }
  return { reason: FALLBACK_REASON[entity], cues: [], confidence: 0.15, source: 'fallback' };
}

/** What may follow a "." that ends a sentence: a space, a closing quote or bracket (or the end of the text). */
const AFTER_FULL_STOP = /[\s"'”’)）」』]/;

/**
 * Sentence ends: Chinese 。！？；, English ! and ?, a line break, and a "." followed by a space, a quote or the end.
 * Char codes, not a string search: this runs on every character between a mention and its sentence's ends.
 */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46) {
    // "."
    const next = text.charAt(i + 1);
    return next === '' || AFTER_FULL_STOP.test(next);
  }
  // ! ? \n \r 。 ！ ？ ；
  return c === 33 || c === 63 || c === 10 || c === 13 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
}

/** Closing quotes and brackets that belong to the sentence they end. */
const TRAILING_CLOSERS = /^["'”’)）」』]+/;

/** The sentence holding [start, end) and a ~120-character snippet centred on it. */
export function contextAround(text: string, start: number, end: number): { sentence: string; snippet: string } {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !endsSentence(text, to)) to++;
  if (to < text.length && !/[\n\r]/.test(text.charAt(to))) {
    to++;
    to += TRAILING_CLOSERS.exec(text.slice(to, to + 4))?.[0].length ?? 0;
  }
  const sentence = text
    .slice(from, to)
    // The previous sentence's closing quote is not part of this one.
    .replace(/^["'”’)）」』]+(?=\s)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { sentence, snippet: snippetAround(text, start, end) };
}

const SNIPPET = 120;

function snippetAround(text: string, start: number, end: number): string {
  const mid = Math.floor((start + end) / 2);
  let a = Math.max(0, Math.min(start, mid - SNIPPET / 2));
  let b = Math.min(text.length, Math.max(end, a + SNIPPET));
  a = Math.max(0, Math.min(a, b - SNIPPET, start));
  // Do not cut a Latin word in half when a space is near.
  if (a > 0 && /\w/.test(text.charAt(a - 1))) {
    const space = text.slice(a, start).search(/\s/);
    if (space >= 0 && space < 15) a += space + 1;
  }
  if (b < text.length && /\w/.test(text.charAt(b))) {
    const tail = text.slice(end, b);
    const lastSpace = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    if (lastSpace >= 0 && tail.length - lastSpace < 15) b = end + lastSpace;
  }
  // Never split a surrogate pair.
  if (a > 0 && /[\udc00-\udfff]/.test(text.charAt(a))) a--;
  if (b < text.length && /[\udc00-\udfff]/.test(text.charAt(b))) b++;
  const body = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return `${a > 0 ? '…' : ''}${body}${b < text.length ? '…' : ''}`;
}
