/**
 * Build-time hardening: removes the one raw-HTML sink Preact ships, the
 * `dangerouslySetInnerHTML` branch of its DOM diff (`dom.innerHTML = html.__html`).
 * Our UI never sets raw HTML (page text is data; HTML strings go through
 * DOMPurify and arrive as nodes), so the sink is dead code that Firefox's
 * add-on linter rightly reports (UNSAFE_VAR_ASSIGNMENT). Using the prop now
 * throws instead of writing markup. The build fails if Preact's code changes
 * shape, so an upgrade cannot silently bring the sink back.
 */
import type { Plugin } from 'vite';

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs(\?.*)?$/;
// Minified: `(t.innerHTML=h.__html)`; the names change between releases.
const SINK = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;
const REPLACEMENT =
  '(()=>{throw new Error("Eight Reasons: dangerouslySetInnerHTML is disabled; render text, or nodes from utils/sanitize.ts")})()';

export function noRawHtml(): Plugin {
  return {
    name: 'eight-reasons:no-raw-html',
    transform(code, id) {
      if (!PREACT_DIST.test(id)) return null;
      const sinks = code.match(SINK)?.length ?? 0;
      if (sinks !== 1)
        this.error(`expected 1 innerHTML sink in ${id}, found ${sinks}: update scripts/vite-no-raw-html.ts`);
      return { code: code.replace(SINK, REPLACEMENT), map: null };
    },
  };
}
