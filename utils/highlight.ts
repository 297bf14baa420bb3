/**
 * How strongly a mention's colour is laid over the page. The page engine paints
 * with it (content/paint.ts) and the options' contrast check blends with it
 * (components/contrast.ts): one number, so the check judges what is painted.
 */
export const HIGHLIGHT_ALPHA = 0.4;
