/**
 * The one gate for HTML strings. Nothing in the extension renders an HTML
 * string today (page text is always set as text); if one is ever needed it
 * comes through here and reaches the DOM as nodes, never via innerHTML
 * (Preact's dangerouslySetInnerHTML is removed from the build, see
 * scripts/vite-no-raw-html.ts).
 */
import DOMPurify from 'dompurify';

/** Parse untrusted HTML into inert, sanitised nodes: no scripts, handlers, styles, forms or frames. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
