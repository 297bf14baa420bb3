// @vitest-environment jsdom
// happy-dom parses HTML too loosely for DOMPurify; jsdom is the parser DOMPurify is tested against.
import { describe, expect, it } from 'vitest';
import { sanitizeToFragment } from '@/utils/sanitize';

function html(fragment: DocumentFragment): string {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
}

describe('sanitizeToFragment', () => {
  it('keeps text and harmless markup', () => {
    expect(html(sanitizeToFragment('<p>WeChat <b>Moments</b></p>'))).toBe('<p>WeChat <b>Moments</b></p>');
  });

  it('drops scripts, event handlers, javascript: links, styles and frames', () => {
    const out = html(
      sanitizeToFragment(
        '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>' +
          '<style>*{}</style><iframe src="https://evil.example"></iframe><p style="color:red">t</p>',
      ),
    );
    expect(out).not.toMatch(/onerror|<script|javascript:|<style|<iframe|style=/i);
    expect(out).toContain('<p>t</p>');
  });
});
