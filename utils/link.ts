/**
 * A mention and the words around it -> the article's argument it belongs to,
 * with the cue words that decided it. Pure: no DOM, no extension API.
 *
 * Order: the mention's sentence, then its paragraph, then a fallback per
 * entity. Only reasons that discuss the entity compete (cues.ts). A text that
 * is plainly about something else (the Ali Baba folk tale) links to nothing.
 */
import { type CueSpec, ENTITY_REASONS, FALLBACK_REASON, REASON_CUES, UNRELATED_CUES } from './cues';
import type { EntityId, LinkResult, ReasonNumber } from './types';

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
}

interface CueHit {
  label: string;
  target: CueTarget;
  weight: number;
}

interface Scanner {
  re: RegExp;
  cues: CompiledCue[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One English cue as a pattern: words joined by space or hyphen, "*" = any ending, plural/possessive on the last word. */
function englishPattern(text: string): string {
  const words = text.split(/\s+/);
  const body = words
    .map((word, i) => {
      const wild = word.endsWith('*');
      const stem = wild ? word.slice(0, -1) : word;
      // A hyphen in a cue may be written as a space or left out ("self-media", "self media").
      const core = stem.split('-').map(escapeRegExp).join('[\\s\\-]?').replace(/'/g, "['’]");
      if (wild) return `${core}[A-Za-z]*`;
      return i === words.length - 1 ? `${core}(?:e?s|['’]s|s['’])?` : core;
    })
    .join('[\\s\\-]+');
  return `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`;
}

function compileScanner(): Scanner {
  const specs: { spec: CueSpec; target: CueTarget; lang: 'en' | 'zh' }[] = [];
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8] as const) {
    for (const spec of REASON_CUES[n].en) specs.push({ spec, target: n, lang: 'en' });
    for (const spec of REASON_CUES[n].zh) specs.push({ spec, target: n, lang: 'zh' });
  }
  for (const spec of UNRELATED_CUES.en) specs.push({ spec, target: 0, lang: 'en' });
  for (const spec of UNRELATED_CUES.zh) specs.push({ spec, target: 0, lang: 'zh' });
  // Longest first, so "conversion rate" wins over "conversion" and 大数据 over 数据.
  const bare = (t: string) => t.replace(/^=/, '').replace(/\*/g, '');
  specs.sort((a, b) => bare(b.spec[0]).length - bare(a.spec[0]).length);
  const cues: CompiledCue[] = [];
  const parts: string[] = [];
  for (const { spec, target, lang } of specs) {
    const [raw, weight] = spec;
    const exact = raw.startsWith('=');
    const text = exact ? raw.slice(1) : raw;
    parts.push(`(${lang === 'en' ? englishPattern(text) : escapeRegExp(text)})`);
    cues.push({
      label: text.replace(/\*/g, ''),
      target,
      weight,
      exactFirst: exact ? text.charAt(0) : null,
      labelFromText: text.includes('*'),
    });
  }
  return { re: new RegExp(parts.join('|'), 'gi'), cues };
}

let scanner: Scanner | null = null;
/** Paragraphs are scanned once for all the mentions in them. */
const hitCache = new Map<string, CueHit[]>();
const HIT_CACHE_LIMIT = 256;

/** Every cue occurrence in `text`, leftmost-longest, non-overlapping. */
function scanCues(text: string): CueHit[] {
  const cached = hitCache.get(text);
  if (cached) return cached;
  scanner ??= compileScanner();
  const { re, cues } = scanner;
  const hits: CueHit[] = [];
  re.lastIndex = 0;
  for (let r = re.exec(text); r !== null; r = re.exec(text)) {
    let g = 1;
    while (g < r.length && r[g] === undefined) g++;
    const cue = cues[g - 1];
    if (!cue) continue;
    if (cue.exactFirst !== null && r[0].charAt(0) !== cue.exactFirst) continue;
    hits.push({ label: cue.labelFromText ? r[0].toLowerCase() : cue.label, target: cue.target, weight: cue.weight });
  }
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
  if (paragraph && paragraph !== sentence) {
    const inParagraph = score(scanCues(paragraph), entity);
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

/** Sentence ends: Chinese 。！？；, English ! ? ; and a "." that is followed by a space, a quote or the end. */
function endsSentence(text: string, i: number): boolean {
  const ch = text.charAt(i);
  if ('。！？；!?\n\r'.includes(ch)) return true;
  if (ch !== '.') return false;
  const next = text.charAt(i + 1);
  return next === '' || /[\s"'”’)）」』]/.test(next);
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
