/**
 * `npm run eval:link`: the linker on real published text (../shared/linking/real-dev.json), cross-validated with folds
 * split by source (tests/eval/real-dev.ts). The rules are fixed code, so what each fold learns from the others is the
 * firm threshold: it is calibrated on the four training folds and applied to the held-out one. The figures are printed
 * and written to artifacts/eval-link.json (git-ignored) for docs/linking.md.
 *
 * LINK_EVAL_ERRORS=1 lists the disagreements of the training folds, never those of the untouched fold.
 * LINK_EVAL_SET=a.json[,b.json] also reports the figures on other labelled sets in real-dev.json's format (kept outside
 * the repository, like the dev set); LINK_EVAL_SET_ERRORS=1 lists their disagreements.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { FIRM_CONFIDENCE, linkMention, UNCORROBORATED } from '@/utils/link';
import {
  assignFolds,
  calibrateFirm,
  type DevItem,
  type Figures,
  FOLDS,
  figures,
  formatFigures,
  loadDev,
  type Outcome,
  UNTOUCHED_FOLD,
} from './real-dev';

/** Firm links must be right this often on the training folds for a threshold to be chosen. */
const FIRM_TARGET = 0.9;

/**
 * Floors on the held-out figures. The per-company-fallback linker this replaced fails them all (none-recall 2.5 %,
 * top-1 on clear items 41 % / 34 %, no firm flag); the current rules pass them with a few points to spare, except
 * firm precision, which is the requirement itself.
 */
const FLOORS = {
  firmPrecision: 0.9,
  noneRecall: { en: 0.86, zh: 0.85 },
  top1Clear: { en: 0.85, zh: 0.84 },
  top1All: { en: 0.64, zh: 0.69 },
  coverage: { en: 0.12, zh: 0.09 },
};

const items = loadDev();
const folds = assignFolds(items);
const outcomes: Outcome[] = items.map((item, i) => ({
  item,
  fold: folds[i] as number,
  link: linkMention(item.entity, item.sentence, item.paragraph),
}));

const byLang = (list: readonly Outcome[], lang: DevItem['lang'] | 'all') =>
  lang === 'all' ? list : list.filter((o) => o.item.lang === lang);

it('links real text: held-out folds reach the floors, firm links are right at least 90 % of the time', () => {
  expect(items.length).toBe(280);
  const thresholds: number[] = [];
  for (let f = 0; f < FOLDS; f++)
    thresholds.push(
      calibrateFirm(
        outcomes.filter((o) => o.fold !== f),
        FIRM_TARGET,
        UNCORROBORATED,
      ),
    );
  const cvFirm = (o: Outcome) => o.link.confidence >= (thresholds[o.fold] as number);
  const shippedFirm = (o: Outcome) => o.link.firm;
  const untouched = outcomes.filter((o) => o.fold === UNTOUCHED_FOLD);

  const report: Record<string, Record<string, Figures>> = { cv: {}, shipped: {}, untouched: {} };
  const text: string[] = [
    `folds: ${Array.from({ length: FOLDS }, (_, f) => outcomes.filter((o) => o.fold === f).length).join(' / ')} items; set-aside fold ${UNTOUCHED_FOLD} (its disagreements were read once, in the fourth round: docs/linking.md)`,
    `firm thresholds calibrated on the training folds: ${thresholds.map((t) => t.toFixed(2)).join(' / ')}; shipped FIRM_CONFIDENCE ${FIRM_CONFIDENCE}; calibrated on all: ${calibrateFirm(outcomes, FIRM_TARGET, UNCORROBORATED).toFixed(2)}`,
  ];
  for (const lang of ['en', 'zh', 'all'] as const) {
    report.cv![lang] = figures(byLang(outcomes, lang), cvFirm);
    report.shipped![lang] = figures(byLang(outcomes, lang), shippedFirm);
    report.untouched![lang] = figures(byLang(untouched, lang), shippedFirm);
    text.push('', formatFigures(`[${lang}] held-out folds, firm by the training folds' threshold`, report.cv![lang]));
    text.push(formatFigures(`[${lang}] all folds, firm by the shipped flag`, report.shipped![lang], false));
    text.push(
      formatFigures(`[${lang}] set-aside fold ${UNTOUCHED_FOLD}, firm by the shipped flag`, report.untouched![lang]),
    );
  }
  if (process.env.LINK_EVAL_TUNE) {
    // The folds cue words are tuned on: the untouched fold is left out of these figures.
    const tune = outcomes.filter((o) => o.fold !== UNTOUCHED_FOLD);
    for (const lang of ['en', 'zh'] as const) {
      text.push(formatFigures(`[${lang}] tuning folds, shipped flag`, figures(byLang(tune, lang), shippedFirm)));
    }
    const rows = tune.map((o) => ({
      lang: o.item.lang,
      label: o.item.label,
      reason: o.link.reason,
      confidence: o.link.confidence,
      source: o.link.source,
      cues: o.link.cues.length,
    }));
    writeFileSync(path.resolve(__dirname, '../../artifacts/tune-rows.json'), JSON.stringify(rows));
  }
  if (process.env.LINK_EVAL_ERRORS) {
    text.push('', 'disagreements (training folds only):');
    for (const o of outcomes) {
      if (o.fold === UNTOUCHED_FOLD || o.link.reason === o.item.label) continue;
      text.push(disagreement(o));
    }
  }
  if (process.env.LINK_EVAL_FIRM) {
    // Every link of the training folds near or above the firm threshold, right or wrong, with its cues.
    text.push('', 'links at confidence 0.5 or more (training folds only):');
    for (const o of outcomes) {
      if (o.fold === UNTOUCHED_FOLD || o.link.confidence < 0.5 || o.link.reason === null) continue;
      text.push(
        `  [${o.item.lang} f${o.fold}] ${o.item.entity} label ${o.item.label ?? 'none'} got ${o.link.reason} ${o.link.confidence} (${o.link.source}: ${o.link.cues.join(', ')})`,
      );
    }
  }
  if (process.env.LINK_EVAL_SET) text.push(...otherSets(process.env.LINK_EVAL_SET, shippedFirm));
  process.stdout.write(`\n${text.join('\n')}\n\n`);
  const out = path.resolve(__dirname, '../../artifacts/eval-link.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ thresholds, firmConfidence: FIRM_CONFIDENCE, ...report }, null, 2)}\n`);

  // The shipped threshold is the one the same calibration picks on all the folds.
  expect(FIRM_CONFIDENCE, 'FIRM_CONFIDENCE: recalibrate').toBe(calibrateFirm(outcomes, FIRM_TARGET, UNCORROBORATED));
  for (const lang of ['en', 'zh'] as const) {
    const cv = report.cv![lang] as Figures;
    const shipped = report.shipped![lang] as Figures;
    expect(cv.firmPrecision, `${lang} held-out firm precision`).toBeGreaterThanOrEqual(FLOORS.firmPrecision);
    expect(shipped.firmPrecision, `${lang} shipped firm precision`).toBeGreaterThanOrEqual(FLOORS.firmPrecision);
    expect(cv.noneRecall, `${lang} none-recall`).toBeGreaterThanOrEqual(FLOORS.noneRecall[lang]);
    expect(cv.top1Clear, `${lang} top-1 on clear items`).toBeGreaterThanOrEqual(FLOORS.top1Clear[lang]);
    expect(cv.top1All, `${lang} top-1 on all items`).toBeGreaterThanOrEqual(FLOORS.top1All[lang]);
    expect(shipped.coverage, `${lang} firm coverage`).toBeGreaterThanOrEqual(FLOORS.coverage[lang]);
  }
});

/** Figures (and, when asked, disagreements) on other labelled sets: no folds, the shipped firm flag. */
function otherSets(paths: string, isFirm: (o: Outcome) => boolean): string[] {
  const text: string[] = [];
  for (const file of paths.split(',')) {
    const set: Outcome[] = loadDev(path.resolve(file)).map((item) => ({
      item,
      fold: -1,
      link: linkMention(item.entity, item.sentence, item.paragraph),
    }));
    for (const lang of ['en', 'zh', 'all'] as const) {
      if (byLang(set, lang).length === 0 || (lang === 'all' && byLang(set, 'en').length === 0)) continue;
      const title = `[${lang}] ${path.basename(file)}, firm by the shipped flag`;
      text.push('', formatFigures(title, figures(byLang(set, lang), isFirm)));
    }
    if (!process.env.LINK_EVAL_SET_ERRORS) continue;
    for (const o of set) if (o.link.reason !== o.item.label) text.push(disagreement(o));
  }
  return text;
}

function disagreement(o: Outcome): string {
  const { item, link } = o;
  return [
    `  [${item.lang} f${o.fold} ${item.confidence}] ${item.entity} label ${item.label ?? 'none'} got ${link.reason ?? 'none'}${link.firm ? ' FIRM' : ''} ${link.confidence} (${link.source}: ${link.cues.join(', ') || '-'})`,
    `      S: ${item.sentence}`,
    `      P: ${item.paragraph === item.sentence ? '=' : item.paragraph.slice(0, 400)}`,
  ].join('\n');
}
