/**
 * Which elements the walker reads, which it skips, and where text runs
 * break. Decided by tag name only: no computed style per node, so the walk
 * costs about what reading the text costs.
 */

/**
 * Inline by default: text on either side flows on one line, so a name split
 * across them (`We<b>Chat</b>`, `<span>微</span><span>信</span>`) is still one word.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'slot',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  // SVG text content: <tspan> and <a> flow inside <text>.
  'tspan',
]);

/**
 * Skipped with everything inside, without breaking the surrounding text:
 * never rendered as page text (scripts, styles, templates, titles and
 * tooltips, ruby annotations) or our own UI host.
 */
export const HIDDEN_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'desc',
  'metadata',
  'rp',
  'rt',
  'eight-reasons-ui',
]);

/**
 * Skipped with everything inside, and a break in the text: form controls
 * (their text is the user's, not the page's), fallback content of embedded
 * content, which is not shown when the embed works.
 */
export const CONTROL_TAGS: ReadonlySet<string> = new Set([
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
]);

export const HOST_TAG = 'eight-reasons-ui';

/** How the walker treats an element. */
export const Kind = {
  /** Text flows through it. */
  Inline: 0,
  /** A break before and after; its content is read. */
  Block: 1,
  /** Not read, no break. */
  Hidden: 2,
  /** Not read, a break. */
  Control: 3,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** One lookup per element on the walk's hot path. */
const KINDS = new Map<string, Kind>([
  ...[...INLINE_TAGS].map((t): [string, Kind] => [t, Kind.Inline]),
  ...[...HIDDEN_TAGS].map((t): [string, Kind] => [t, Kind.Hidden]),
  ...[...CONTROL_TAGS].map((t): [string, Kind] => [t, Kind.Control]),
]);

export function kindOf(localName: string): Kind {
  // Everything else, custom elements included, is a boundary: never join text that may be laid out apart.
  return KINDS.get(localName) ?? Kind.Block;
}

/** Elements that may carry a shadow root (attachShadow's allow-list plus custom elements). */
const SHADOW_HOSTS: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

export function mayHostShadow(localName: string): boolean {
  return SHADOW_HOSTS.has(localName) || localName.includes('-');
}

/**
 * The element whose own text run contains `node` (nearest non-inline
 * ancestor), or the tree root when only inline elements lie above it.
 * Null when the node is inside something we never read.
 */
export function blockOf(node: Node): Element | ShadowRoot | Document | null {
  let el: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (el && el.nodeType === 1) {
    const kind = kindOf((el as Element).localName);
    if (kind === Kind.Hidden || kind === Kind.Control) return null;
    if (kind === Kind.Block) return el as Element;
    el = el.parentNode;
  }
  if (el && (el.nodeType === 9 || el.nodeType === 11)) return el as Document | ShadowRoot;
  return null;
}

/** True when `node` lies inside an element we never read (checked up to its tree root). */
export function insideSkipped(node: Node): boolean {
  for (let el: Node | null = node.parentNode; el && el.nodeType === 1; el = el.parentNode) {
    const kind = kindOf((el as Element).localName);
    if (kind === Kind.Hidden || kind === Kind.Control) return true;
  }
  return false;
}
