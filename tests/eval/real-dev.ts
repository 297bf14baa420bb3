/**
 * The real-text development set (../shared/linking/real-dev.json, beside every checkout): loading, folds split by
 * source, and the figures `npm run eval:link` reports. Pure helpers, no linker import, so the calibration and the
 * metrics can be read (and tested) apart from the rules they measure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LabelledItem } from '@/utils/notebook/types';
import type { LinkResult, ReasonNumber } from '@/utils/types';

/** One item of the set: the shape the notebook's corrections export writes, so a reader's corrections can join it. */
export type DevItem = LabelledItem;

export const DEV_PATH = path.resolve(__dirname, '../../../shared/linking/real-dev.json');

export function loadDev(file = DEV_PATH): DevItem[] {
  return JSON.parse(readFileSync(file, 'utf8')) as DevItem[];
}

export const FOLDS = 5;
/**
 * The fold kept aside: its items are never listed one by one while cue words are tuned (the error listing skips
 * it), only its totals are reported.
 */
export const UNTOUCHED_FOLD = 4;

/** Sentences of one article, or of one author of the WeChat-article archive, share a group. */
export function groupKey(source: string): string {
  const archive = /^github:lijiaocn\/wechat _posts\/\d{4}-\d\d-\d\d-(.+)-\d+\.md$/.exec(source);
  return archive ? `github:lijiaocn/wechat#${archive[1]}` : source;
}

/** FNV-1a: a stable tie-break between groups of one size. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Fold of every item: whole groups, largest first (ties by hash), each to the fold with fewest items so far.
 * Deterministic, and no group on both sides of a split.
 */
export function assignFolds(items: readonly DevItem[], folds = FOLDS): number[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = groupKey(item.source);
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || hash(a[0]) - hash(b[0]));
  const sizes = new Array<number>(folds).fill(0);
  const out = new Array<number>(items.length).fill(0);
  for (const [, members] of ordered) {
    let f = 0;
    for (let k = 1; k < folds; k++) if ((sizes[k] as number) < (sizes[f] as number)) f = k;
    for (const i of members) out[i] = f;
    sizes[f] = (sizes[f] as number) + members.length;
  }
  return out;
}

export interface Outcome {
  item: DevItem;
  fold: number;
  link: LinkResult;
}

const agrees = (o: Outcome) => o.link.reason === o.item.label;

/**
 * The lowest threshold, on a 0.05 grid, from which up the links of `outcomes` are right at least `target` of the time:
 * at that threshold and at every higher one that still holds `minLinks` links (so one lucky stretch of the ranking
 * does not set it: a precision on fewer than ten links says little). 1.01 (nothing firm) when none qualifies.
 * The grid stays above `cap`, the confidence the linker caps uncorroborated links at: they are tentative by rule, and a
 * threshold at the cap would make every one of them firm at once.
 */
export function calibrateFirm(outcomes: readonly Outcome[], target: number, cap: number, minLinks = 10): number {
  const linked = outcomes.filter((o) => o.link.reason !== null);
  let chosen = 1.01;
  for (let step = 20; step / 20 > cap; step--) {
    const t = step / 20;
    const firm = linked.filter((o) => o.link.confidence >= t);
    if (firm.length < minLinks) continue;
    if (firm.filter(agrees).length / firm.length < target) break;
    chosen = t;
  }
  return chosen;
}

export interface Figures {
  n: number;
  clear: number;
  top1Clear: number;
  top1All: number;
  noneRecall: number;
  /** Share of the non-null links that name the label. */
  linkPrecision: number;
  firmLinks: number;
  firmPrecision: number;
  /** Share of mentions with a firm link, and with a tentative one. */
  coverage: number;
  tentative: number;
  /** Share of mentions with no reason. */
  none: number;
  /** rows: label 1..8 then none; columns: got 1..8 then none. */
  confusion: number[][];
  /** Disagreements by kind, each split by the label's confidence. */
  misses: Record<'noneLinked' | 'reasonMissed' | 'otherReason', { clear: number; arguable: number }>;
}

function missKind(o: Outcome): keyof Figures['misses'] | null {
  if (o.link.reason === o.item.label) return null;
  if (o.item.label === null) return 'noneLinked';
  return o.link.reason === null ? 'reasonMissed' : 'otherReason';
}

const rate = (k: number, n: number) => (n === 0 ? 0 : k / n);
const col = (r: ReasonNumber | null) => (r === null ? 8 : r - 1);

/** The figures for a set of outcomes; `isFirm` decides firmness (the linker's own flag, or a calibrated threshold). */
export function figures(outcomes: readonly Outcome[], isFirm: (o: Outcome) => boolean): Figures {
  const clear = outcomes.filter((o) => o.item.confidence === 'clear');
  const nones = outcomes.filter((o) => o.item.label === null);
  const linked = outcomes.filter((o) => o.link.reason !== null);
  const firm = linked.filter(isFirm);
  const confusion = Array.from({ length: 9 }, () => new Array<number>(9).fill(0));
  for (const o of outcomes) {
    const row = confusion[col(o.item.label)] as number[];
    const c = col(o.link.reason);
    row[c] = (row[c] as number) + 1;
  }
  const misses: Figures['misses'] = {
    noneLinked: { clear: 0, arguable: 0 },
    reasonMissed: { clear: 0, arguable: 0 },
    otherReason: { clear: 0, arguable: 0 },
  };
  for (const o of outcomes) {
    const kind = missKind(o);
    if (kind) misses[kind][o.item.confidence]++;
  }
  return {
    n: outcomes.length,
    clear: clear.length,
    top1Clear: rate(clear.filter(agrees).length, clear.length),
    top1All: rate(outcomes.filter(agrees).length, outcomes.length),
    noneRecall: rate(nones.filter((o) => o.link.reason === null).length, nones.length),
    linkPrecision: rate(linked.filter(agrees).length, linked.length),
    firmLinks: firm.length,
    firmPrecision: rate(firm.filter(agrees).length, firm.length),
    coverage: rate(firm.length, outcomes.length),
    tentative: rate(linked.length - firm.length, outcomes.length),
    none: rate(outcomes.length - linked.length, outcomes.length),
    confusion,
    misses,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(7);

/** The figures as text; the confusion table only when asked (answers do not depend on the firm threshold). */
export function formatFigures(title: string, f: Figures, withConfusion = true): string {
  const cols = ['1', '2', '3', '4', '5', '6', '7', '8', 'none'];
  const lines = [
    `${title} (n ${f.n}, clear ${f.clear})`,
    `  top-1 clear ${pct(f.top1Clear)}   top-1 all ${pct(f.top1All)}   none-recall ${pct(f.noneRecall)}`,
    `  firm precision ${pct(f.firmPrecision)} (${f.firmLinks} firm)   any-link precision ${pct(f.linkPrecision)}`,
    `  coverage: firm ${pct(f.coverage)}   tentative ${pct(f.tentative)}   none ${pct(f.none)}`,
    `  misses (clear+arguable): none linked ${f.misses.noneLinked.clear}+${f.misses.noneLinked.arguable}, reason missed ${f.misses.reasonMissed.clear}+${f.misses.reasonMissed.arguable}, other reason ${f.misses.otherReason.clear}+${f.misses.otherReason.arguable}`,
    `  label\\got ${cols.map((c) => c.padStart(4)).join(' ')}`,
  ];
  if (!withConfusion) return lines.slice(0, -1).join('\n');
  f.confusion.forEach((row, i) => {
    lines.push(`  ${(cols[i] as string).padStart(9)} ${row.map((k) => String(k || '.').padStart(4)).join(' ')}`);
  });
  return lines.join('\n');
}
