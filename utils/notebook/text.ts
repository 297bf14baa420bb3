/**
 * Text and URL normalisation shared by every notebook module, so a sentence
 * kept on one visit matches the same sentence met later, whatever the page's
 * whitespace or Unicode composition.
 */
import { LIMITS } from './limits';
import type { NotebookLang } from './types';

/** NFC, whitespace runs (including NBSP and line breaks) to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// CJK ideographs (unified, extension A, compatibility, supplementary planes) and kana.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/** 'zh' when the text holds any CJK character, else 'en'. */
export function detectLang(text: string): NotebookLang {
  return CJK.test(text) ? 'zh' : 'en';
}

/** Whether the text holds CJK characters (text fragments then cut by characters, not words). */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * An http(s) URL without its fragment, as the notebook keys pages, or null
 * for anything else (javascript:, data:, file:, unparsable, too long).
 */
export function pageUrlOf(input: string): string | null {
  if (input.length > LIMITS.url * 2) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const href = url.href;
  return href.length <= LIMITS.url ? href : null;
}

/** Hostname of an http(s) URL ('' when it has none). */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Cut to at most max UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * The toISOString form of an ISO 8601 UTC date, or null. Stored dates all use
 * this one form so that comparing strings compares dates (the indexes rely on it).
 */
export function toIsoDate(v: unknown): string | null {
  if (typeof v !== 'string' || !ISO.test(v)) return null;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  // Date.parse rolls over impossible dates (Feb 30); a round trip must keep the day.
  return iso.slice(0, 10) === v.slice(0, 10) ? iso : null;
}

/** YYYY-MM-DD (UTC) of an ISO date. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}
