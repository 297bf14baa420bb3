/**
 * A mention and the words around it -> the article's argument it belongs to,
 * with the cue words that decided it. Pure: no DOM, no extension API.
 *
 * Order: the mention's sentence, then its paragraph. Company names are masked
 * (支付宝 holds 支付, "WeChat Pay" holds "pay"), every reason competes for
 * every company, and a mention with no evidence, or whose text is about
 * something else (shares, censorship, the Ali Baba folk tale), has no reason.
 * A link is firm when its evidence is strong, else tentative (docs/linking.md).
 */
import { type CueList, ENTITY_REASONS, type ReasonCues } from './cues';
import { ENTITIES } from './entities';
import { isAsciiAlnum } from './match';
import type { EntityId, LinkResult, ReasonNumber } from './types';

/** The cue lists the linker reads: utils/cues.ts's CUE_DATA (shipped to the content script in the locales). */
export interface CueData {
  reasons: Readonly<Record<ReasonNumber, ReasonCues>>;
  unrelated: ReasonCues;
  /** Feature names that say where something happens, and the neighbouring argument each yields to. */
  venues?: Readonly<Record<string, ReasonNumber>>;
  /** Reason 7's payment words (beside Alibaba's companies they are reason 8's capital flow and escrow). */
  payment?: readonly string[];
  /** The argument whose generic words weigh as telling ones beside a company. */
  own?: Readonly<Partial<Record<EntityId, ReasonNumber>>>;
  /** Spellings of the companies' names beyond their aliases (traditional characters), masked like the rest. */
  names?: readonly string[];
  /** A pattern of words of selling and promotion, read case-blind. */
  selling?: string;
  /** Cues that are other names of one thing (Double 11 for Singles' Day), by that thing: one witness, not two. */
  same?: Readonly<Record<string, string>>;
}

const NO_CUES: CueData = { reasons: {} as CueData['reasons'], unrelated: { en: {}, zh: {} } };
let cueSource: () => CueData = () => NO_CUES;
let cueData: CueData | null = null;

/**
 * Where the cue lists come from, read on first need. The content script's come from its locale, through the
 * background (platform/cue-request.ts), which keeps the cue text out of its bundle; tests and the bench pass
 * utils/cues.ts.
 * Until set, or when the source fails, nothing is cued and mentions have no reason.
 */
export function useCueData(source: () => CueData): void {
  cueSource = source;
  cueData = english = chinese = null;
  englishStarts = null;
  namePattern = null;
  lowerNames = null;
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
  /** The cue's text occurs inside a company name (支付 in 支付宝): its hits are checked against the names. */
  inName: boolean;
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
  inName: boolean;
  /** For a "*" cue, the cue itself: "unfriending" and "unfriended" are one word, not two witnesses. */
  stem?: string;
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
    inName: occursInName(label),
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
  const nameChars = allNames().join('');
  eachSpec('zh', (raw, weight, target) => {
    const cue = compileCue(raw, weight, target);
    // Starting or ending with a character of a name, it may cross the name's edge (信用 in 微信用户).
    cue.inName ||= nameChars.includes(cue.text.charAt(0)) || nameChars.includes(cue.text.slice(-1));
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

/** Whether the word at `at` follows a letter and a hyphen ("co-operation", "non-centralised"). */
function midCompound(text: string, at: number): boolean {
  return at >= 2 && text.charCodeAt(at - 1) === 45 && isAsciiAlnum(text.charCodeAt(at - 2));
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
    // The second half of a hyphenated word is no word of its own: "co-operation" holds no "operation".
    const candidates = midCompound(text, starts[i] as number) ? undefined : english.get(token.slice(0, 3));
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
        hits.push({ label, target: cue.target, weight: cue.weight, at, end, inName: cue.inName, stem: cue.label });
        used = n;
        break;
      }
    }
    i += used || 1;
  }
}

/**
 * Names are masked as the text is read, so that a cue crossing one (信用 in 微信用户) neither counts nor hides the
 * cue that starts after it (用户体验).
 */
function scanChinese(text: string, chinese: Scanner['chinese'], hits: CueHit[], names: () => number[]): void {
  for (let i = 0; i < text.length; ) {
    const candidates = chinese.get(text.charAt(i));
    let used = 0;
    if (candidates) {
      for (const cue of candidates) {
        const end = i + cue.text.length;
        if (!text.startsWith(cue.text, i) || (cue.inName && crossesName(i, end, names()))) continue;
        hits.push({ label: cue.label, target: cue.target, weight: cue.weight, at: i, end, inName: false });
        used = cue.text.length;
        break;
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

/** Every alias of every company, longest first (so "WeChat Pay" wins over "WeChat"), in one case-blind pattern. */
let namePattern: RegExp | null = null;

let lowerNames: string[] | null = null;

function allNames(): string[] {
  const all: string[] = [...(cueLists().names ?? [])];
  for (const e of ENTITIES) all.push(...e.aliases);
  return all.sort((a, b) => b.length - a.length);
}

function companyNames(): RegExp {
  namePattern ??= new RegExp(
    allNames()
      .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  );
  return namePattern;
}

/** Whether a cue's text (its label, "*" and "=" taken off) is part of some company name, in any case. */
function occursInName(label: string): boolean {
  lowerNames ??= allNames().map((a) => a.toLowerCase());
  const l = label.toLowerCase();
  return lowerNames.some((n) => n.includes(l));
}

/**
 * [start, end) pairs of the company names in `text`. A cue lying wholly inside one is part of a name, not a word
 * about the argument: 支付 in 支付宝, "pay" in "WeChat Pay". A cue reaching beyond the name (淘宝大学) still counts.
 * Case-blind matching, not a lower-cased copy, keeps offsets right after letters that lower to two ("İ").
 */
function nameSpans(text: string): number[] {
  const pattern = companyNames();
  pattern.lastIndex = 0;
  const spans: number[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

/** Whether [at, end) lies in a name or crosses its edge; a cue holding a whole name (淘宝大学) does neither. */
function crossesName(at: number, end: number, spans: readonly number[]): boolean {
  for (let k = 0; k < spans.length; k += 2) {
    const from = spans[k] as number;
    const to = spans[k + 1] as number;
    if (at < to && end > from && (at > from || end < to)) return true;
  }
  return false;
}

/**
 * Every cue occurrence in `text` in reading order, company names masked: leftmost-longest, English by words, Chinese
 * by characters.
 */
function findCues(text: string): CueHit[] {
  const hits: CueHit[] = [];
  // Found once, and only when a cue may lie in a name: most cues occur in none.
  let spans: number[] | null = null;
  const names = () => (spans ??= nameSpans(text));
  if (HAS_LATIN.test(text) && (english || !HAS_CJK.test(text) || mayHoldEnglish(text))) {
    english ??= compileEnglish();
    scanEnglish(text, english, hits);
  }
  if (HAS_CJK.test(text)) {
    chinese ??= compileChinese();
    scanChinese(text, chinese, hits, names);
  }
  hits.sort((a, b) => a.at - b.at);
  return hits.some((h) => h.inName) ? hits.filter((h) => !h.inName || !crossesName(h.at, h.end, names())) : hits;
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
  /** How many of its cues are more than generic words (weight 2 or 3). */
  strong: number;
  /** Telling cues in Chinese script (a gloss in the other language is the same word, not a second one). */
  strongZh: number;
  /** Of its score, what cues in Chinese script weigh. */
  scoreZh: number;
  /** Whether one of its cues is a phrase only this argument uses (weight 3) and not a venue. */
  phrase: boolean;
  /** Whether one of its telling cues (weight 2 or 3) is not a venue: the argument is named, not only its place. */
  argued: boolean;
  /** Distinct labels, strongest first, then in reading order. */
  cues: string[];
}

interface Scored {
  best: Tally | null;
  second: number;
  /** Every reason's tally, by number. */
  tallies: readonly (Tally | undefined)[];
  unrelated: number;
  /** The unrelated cues, for the result of a "no argument" decision. */
  unrelatedCues: string[];
  /** The cues scored, to order the linked argument's by weight. */
  hits: readonly CueHit[];
}

const NOTHING: Scored = { best: null, second: 0, tallies: [], unrelated: 0, unrelatedCues: [], hits: [] };

/**
 * Each distinct cue counts once per reason; every reason competes for every company. On equal weight, a reason the
 * article discusses the company under wins over one it does not.
 */
function score(hits: readonly CueHit[], entity: EntityId): Scored {
  if (hits.length === 0) return NOTHING;
  const tallies: (Tally | undefined)[] = [];
  const seen = new Set<string>();
  let unrelated = 0;
  const unrelatedCues: string[] = [];
  let venues: CueHit[] | null = null;
  const { venues: venueOf = {}, payment = [], own: ownArgument = {}, same = {} } = cueLists();
  const add = (reason: ReasonNumber, label: string, weight: number, venue = false, telling = weight >= 2): void => {
    let t = tallies[reason];
    if (!t) {
      t = {
        reason,
        score: 0,
        maxWeight: 0,
        strong: 0,
        strongZh: 0,
        scoreZh: 0,
        phrase: false,
        argued: false,
        cues: [],
      };
      tallies[reason] = t;
    }
    t.score += weight;
    const zh = label.charCodeAt(0) > 0x2e7f;
    if (zh) t.scoreZh += weight;
    if (weight > t.maxWeight) t.maxWeight = weight;
    if (weight === 3 && !venue) t.phrase = true;
    if (telling && !venue) t.argued = true;
    if (telling || venue) {
      t.strong++;
      if (zh) t.strongZh++;
    }
    t.cues.push(label);
  };
  for (const hit of hits) {
    const key = `${hit.target}:${same[hit.label] ?? hit.stem ?? hit.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A cue inside another found cue (私域 in 私域流量, 搜索 in 搜索功能) is that word again.
    if (hits.some((h) => h.label !== hit.label && h.label.includes(hit.label))) continue;
    if (hit.target === 0) {
      unrelated += hit.weight;
      unrelatedCues.push(hit.label);
    } else if (Object.hasOwn(venueOf, hit.label)) {
      venues ??= [];
      venues.push(hit);
    } else if (hit.weight === 1 && hit.target === ownArgument[entity]) {
      // Taobao and Tmall are where people shop: a shopper's word beside them is evidence of the habit (1). Alibaba is
      // the article's example of centralised operations: a word of delivery, villages or talent beside it is reason 8's.
      add(hit.target, hit.label, 2, false, false);
    } else if (hit.target === 7 && entity !== 'wechat' && entity !== 'tencent' && payment.includes(hit.label)) {
      // Beside Alibaba's companies payment is their capital flow and escrow (8), not WeChat's wallet (7).
      add(8, hit.label, hit.weight);
    } else add(hit.target, hit.label, hit.weight);
  }
  // A feature named alone as the venue (an official account, Moments) yields to what is said about it: beside a
  // telling word of its neighbouring argument and no other word of its own, it weighs as a generic word (it still
  // corroborates its own argument).
  if (venues) {
    for (const v of venues) {
      const rival = tallies[venueOf[v.label] as ReasonNumber];
      const yields = rival !== undefined && rival.strong > 0 && tallies[v.target] === undefined;
      add(v.target as ReasonNumber, v.label, yields ? 1 : v.weight, true);
    }
  }
  let best: Tally | null = null;
  let second = 0;
  const plausible = ENTITY_REASONS[entity];
  for (const t of tallies) {
    if (!t) continue;
    if (!best || outranks(t, best, plausible)) {
      if (best) second = Math.max(second, best.score);
      best = t;
    } else second = Math.max(second, t.score);
  }
  return { best, second, tallies, unrelated, unrelatedCues, hits };
}

/**
 * A phrase only one argument uses beats an argument no telling word names (generic words, however many, the words a
 * company's own argument lends weight, a venue); else higher weight, then the stronger single cue, then a reason the
 * article names the company under; else the lower number.
 */
function outranks(a: Tally, b: Tally, plausible: readonly ReasonNumber[]): boolean {
  if (a.phrase !== b.phrase && !(a.phrase ? b : a).argued) return a.phrase;
  if (a.score !== b.score) return a.score > b.score;
  if (a.maxWeight !== b.maxWeight) return a.maxWeight > b.maxWeight;
  return plausible.includes(a.reason) && !plausible.includes(b.reason);
}

/**
 * A link at or above this confidence is firm; below it, tentative ("may relate to"). Calibrated on the held-out folds
 * of the real-text set so that firm links name the labelled reason at least nine times in ten (docs/linking.md).
 */
export const FIRM_CONFIDENCE = 0.6;

/** Evidence below this is one generic (weight-1) word: never enough for a link on its own. */
const MIN_EVIDENCE = 2;
/**
 * A paragraph speaking for a silent sentence needs more: a phrase only one argument uses, or a telling word and
 * another. Paragraphs run long and touch several topics; a word or two in them says little about this mention.
 */
const PARAGRAPH_MIN_EVIDENCE = 3;

/** The most the paragraph's own words (outside the sentence) add to the sentence's evidence. */
const PARAGRAPH_SUPPORT = 3;
/**
 * A link resting on one telling word of its sentence (however the paragraph agrees), naming a reason the article never
 * discusses the company under, or in a sentence that also speaks of something else (earnings, games, a WeChat ID),
 * stays below firm: a feature named once (Moments, an official account) is as often named for something else.
 */
export const UNCORROBORATED = 0.55;

/**
 * Two telling words in one script (a gloss in the other script is the same word again), or a phrase only this
 * argument uses with another of its words beside it. A venue (Moments, an official account) is no such phrase.
 */
function corroborated(t: Tally): boolean {
  return t.strongZh >= 2 || t.strong - t.strongZh >= 2 || (t.phrase && (t.scoreZh >= 4 || t.score - t.scoreZh >= 4));
}

/**
 * Confidence of a link: total weight (saturating), margin over the runner-up argument, support from the paragraph's
 * other sentences, and how much of the text is about something else.
 */
function confidence(entity: EntityId, best: Tally, s: Scored, p: Scored | null, fromParagraph: boolean): number {
  let evidence = best.score;
  let second = s.second;
  let unrelated = s.unrelated;
  if (p && !fromParagraph) {
    const own = p.tallies[best.reason];
    const extra = own ? Math.min(PARAGRAPH_SUPPORT, Math.max(0, own.score - best.score)) : 0;
    evidence += extra / 2;
    // A paragraph arguing something else more strongly than the sentence's reason.
    if (p.best && p.best.reason !== best.reason && p.best.score > (own?.score ?? 0)) second = Math.max(second, 1);
    unrelated = Math.max(unrelated, p.unrelated - 1);
  }
  const strength = 1 - Math.exp(-evidence / 3);
  const margin = (best.score - Math.min(second, best.score)) / best.score;
  let c = strength * (0.5 + 0.5 * margin) - 0.08 * unrelated;
  if (fromParagraph) c *= 0.75;
  if (!corroborated(best) || !ENTITY_REASONS[entity].includes(best.reason) || s.unrelated >= 2)
    c = Math.min(c, UNCORROBORATED);
  return round2(c);
}

function round2(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

/** A feature named only as the venue (no telling word of the argument) of a text about something else. */
function venueOnly(s: Scored): boolean {
  return s.unrelated >= 2 && s.best !== null && !s.best.argued;
}

/**
 * Unrelated words decide when they reach `threshold` and outweigh the best argument's; a tie goes to the argument
 * when it has a phrase only it uses.
 */
function isUnrelated(s: Scored, threshold: number): boolean {
  if (s.unrelated < threshold) return false;
  const best = s.best;
  return !best || s.unrelated > best.score || (s.unrelated === best.score && best.maxWeight < 3);
}

function noArgument(s: Scored): LinkResult {
  if (!s.unrelated) return { reason: null, firm: false, cues: [], confidence: 0, source: 'none' };
  return {
    reason: null,
    firm: false,
    cues: s.unrelatedCues,
    confidence: round2(0.4 + 0.1 * s.unrelated),
    source: 'unrelated',
  };
}

/** The link to `best`, its cues strongest first: ordered here, for the one tally that links, not for every one scored. */
function linked(best: Tally, conf: number, source: 'sentence' | 'paragraph', from: Scored): LinkResult {
  const weightOf = new Map<string, number>();
  for (const h of from.hits) if (h.target === best.reason) weightOf.set(h.label, h.weight);
  // In place (the tally is this call's own); stable, so reading order stands among equal weights.
  const cues = best.cues.sort((a, b) => (weightOf.get(b) ?? 0) - (weightOf.get(a) ?? 0));
  return { reason: best.reason, firm: conf >= FIRM_CONFIDENCE, cues, confidence: conf, source };
}

/** The reason a mention of `entity` belongs to, from its sentence, then its paragraph; null when neither says. */
export function linkMention(entity: EntityId, sentence: string, paragraph: string): LinkResult {
  const own = paragraph && paragraph !== sentence;
  return decide(entity, sentence, own ? () => scanCues(paragraph) : null, own ? () => paragraph : null);
}

/** The cue words of a whole block of text, found once for all the mentions in it. */
export interface CueIndex {
  readonly hits: readonly CueHit[];
  readonly text: string;
}

/** Read lazily: most mentions are decided by their sentence and never need their paragraph. */
export function indexCues(text: string): CueIndex {
  let hits: CueHit[] | null = null;
  return {
    text,
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
  return decide(
    entity,
    sentence,
    () => {
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
    },
    () => index.text.slice(from, to),
  );
}

/**
 * Reason 6 is selling in Moments. Moments (or blocking, muting, a friend) named with no word of selling in the sentence
 * or its paragraph is a story about something else.
 */
function unsold(best: Tally, sentence: string, paragraph: (() => string) | null): boolean {
  // Every sentence link passes here; the pattern is built only for the few that rest on Moments alone.
  if (best.reason !== 6 || best.argued) return false;
  const selling = new RegExp(cueLists().selling ?? '$^', 'i');
  return !selling.test(sentence) && !(paragraph && selling.test(paragraph()));
}

/**
 * Arguments the sentence names equally (same weight, same strongest word) are settled by the paragraph, as a reader
 * settles what the sentence alone leaves open: the one its paragraph argues more. Else the sentence's order stands.
 */
function settleTie(s: Scored, best: Tally, p: Scored): Tally {
  const support = (t: Tally) => p.tallies[t.reason]?.score ?? 0;
  let pick = best;
  for (const t of s.tallies)
    if (t?.score === best.score && t.maxWeight === best.maxWeight && support(t) > support(pick)) pick = t;
  return pick;
}

/**
 * The sentence decides when it holds real evidence (more than one generic word); the paragraph then only adds
 * confidence when it agrees. With no such evidence in the sentence, the paragraph may link, when it does not
 * contradict a weak cue of the sentence, and counts for less. With neither, or when unrelated topics outweigh the
 * arguments, the mention has no reason: no per-company guess.
 */
function decide(
  entity: EntityId,
  sentence: string,
  paragraphHits: (() => readonly CueHit[]) | null,
  paragraphText: (() => string) | null,
): LinkResult {
  const s = score(scanCues(sentence), entity);
  if (isUnrelated(s, 2) || venueOnly(s)) return noArgument(s);
  if (s.best && s.best.score >= MIN_EVIDENCE) {
    const p = paragraphHits ? score(paragraphHits(), entity) : null;
    const best = p ? settleTie(s, s.best, p) : s.best;
    if (unsold(best, sentence, paragraphText)) return noArgument(s);
    // The paragraph weighs on a link that may be firm; a weaker one yields when its paragraph is about something else.
    const mayBeFirm = corroborated(best) && ENTITY_REASONS[entity].includes(best.reason);
    if (!mayBeFirm && p && isUnrelated(p, 4)) return noArgument(p);
    return linked(best, confidence(entity, best, s, p, false), 'sentence', s);
  }
  const p = paragraphHits ? score(paragraphHits(), entity) : null;
  if (
    p?.best &&
    p.best.score >= PARAGRAPH_MIN_EVIDENCE &&
    !isUnrelated(p, 3) &&
    (!s.best || s.best.reason === p.best.reason)
  ) {
    if (unsold(p.best, sentence, paragraphText)) return noArgument(p);
    return linked(p.best, confidence(entity, p.best, p, null, true), 'paragraph', p);
  }
  if (p && isUnrelated(p, 3)) return noArgument(p);
  return noArgument(s);
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
