/**
 * "Open" a kept passage or correction: the page URL with a text fragment
 * (#:~:text=…, WICG Scroll-to-Text-Fragment) that scrolls to and highlights
 * the sentence.
 */
import { hasCjk, normalizeText, pageUrlOf } from './text';

/** Sentences longer than this are addressed by their two ends (textStart,textEnd), keeping URLs short. */
export const FRAGMENT_WHOLE_MAX = 80;
/** Words kept at each end of a long Latin-script sentence. */
export const FRAGMENT_EDGE_WORDS = 4;
/** CJK sentences longer than this use two ends: each character costs 9 URL characters once encoded. */
export const FRAGMENT_WHOLE_MAX_CJK = 24;
/** Characters kept at each end of a long CJK sentence (no spaces to cut at). */
export const FRAGMENT_EDGE_CHARS = 8;

/**
 * Percent-encodes a text directive term. encodeURIComponent leaves '-' alone,
 * but the spec gives '-' (prefix/suffix marker), ',' and '&' meaning, so all
 * three must be encoded; the others it leaves are safe in a fragment.
 */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The start,end terms for a sentence (end is undefined when the whole sentence is used). */
export function fragmentTerms(sentence: string): { start: string; end?: string } {
  const s = normalizeText(sentence);
  const chars = Array.from(s);
  const cjk = hasCjk(s);
  if (chars.length <= (cjk ? FRAGMENT_WHOLE_MAX_CJK : FRAGMENT_WHOLE_MAX)) return { start: s };
  if (cjk && !s.includes(' ')) {
    // Chinese has no spaces: take characters; the matcher needs no word boundary for CJK.
    return {
      start: chars.slice(0, FRAGMENT_EDGE_CHARS).join(''),
      end: chars.slice(-FRAGMENT_EDGE_CHARS).join(''),
    };
  }
  const words = s.split(' ');
  if (words.length < FRAGMENT_EDGE_WORDS * 2 + 1) {
    // Few, long words (or mixed CJK with spaces): fall back to characters so both ends stay distinct.
    return {
      start: chars.slice(0, FRAGMENT_EDGE_CHARS * 2).join(''),
      end: chars.slice(-FRAGMENT_EDGE_CHARS * 2).join(''),
    };
  }
  return {
    start: words.slice(0, FRAGMENT_EDGE_WORDS).join(' '),
    end: words.slice(-FRAGMENT_EDGE_WORDS).join(' '),
  };
}

/** url#:~:text=… for the sentence, or null when the URL is not http(s). The URL's own fragment is dropped. */
export function textFragmentUrl(url: string, sentence: string): string | null {
  const page = pageUrlOf(url);
  if (page === null) return null;
  const { start, end } = fragmentTerms(sentence);
  if (!start) return page;
  const directive =
    end === undefined ? encodeFragmentText(start) : `${encodeFragmentText(start)},${encodeFragmentText(end)}`;
  return `${page}#:~:text=${directive}`;
}
