import { describe, expect, it } from 'vitest';
import { checkXml } from './xmlWellFormed';
import { escapeXml } from './xml';

describe('the XML well-formedness check', () => {
  it('accepts a small SVG document with a declaration, comments, entities and nesting', () => {
    const doc = `<?xml version="1.0"?>\n<!-- x --><svg a="1" b='&amp;'><g><text>a &lt; b &#169; &#x1F600;</text></g><rect/></svg>\n`;
    const check = checkXml(doc);
    expect(check.error).toBeUndefined();
    expect(check.ok).toBe(true);
    expect(check.elements.get('text')).toBe(1);
  });

  it.each([
    ['an unclosed element', '<svg><g></svg>'],
    ['tags closed out of order', '<svg><g><text></g></text></svg>'],
    ['a bare ampersand', '<svg><text>a & b</text></svg>'],
    ['a < in text', '<svg><text>a < b</text></svg>'],
    ['an unquoted attribute', '<svg a=1/>'],
    ['an attribute twice', '<svg a="1" a="2"/>'],
    ['two roots', '<svg/><svg/>'],
    ['text outside the root', '<svg/>hello'],
    ['no root at all', '<?xml version="1.0"?>'],
    ['a < inside an attribute', '<svg a="<"/>'],
  ])('rejects %s', (_what, doc) => {
    expect(checkXml(doc).ok).toBe(false);
  });

  it('escapes what a run may contain: markup, quotes and control characters', () => {
    const nasty = `<script>alert("&'")</script>\u0001\u001b[31m\uD800`;
    const doc = `<svg a="${escapeXml(nasty)}"><text>${escapeXml(nasty)}</text></svg>`;
    expect(checkXml(doc).ok).toBe(true);
    expect(escapeXml(nasty)).toBe('&lt;script&gt;alert(&quot;&amp;&apos;&quot;)&lt;/script&gt;[31m');
  });
});
