// Hostile model text through the sanitizer, then rendered by markdown-it as VS Code's preview renders it
// (html on, linkify on): no `command:`, `file:` or `vscode:` target survives, no raw HTML, no image; http(s)
// links stay links, code stays code, and an unclosed fence is closed.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { safeMarkdown } from '../../../src/shared/safeMarkdown';

const md = new MarkdownIt({ html: true, linkify: true });
const render = (text: string) => md.render(safeMarkdown(text));

/** Every href and src in the HTML, and whether any tag is one the model wrote. */
function targets(html: string): string[] {
  return [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
}

const HOSTILE = [
  '[Click me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '[open](file:///etc/passwd)',
  '[vs](vscode://some.extension/do)',
  '[spaced]( command:x )',
  '[angle](<command:x>)',
  '[entity](&#99;ommand:x)',
  '[multi\nline](command:x)',
  '[dest on next line](\ncommand:x)',
  '[nested [brackets]](command:x)',
  '[`code` in text](command:x)',
  '[ref link][r]\n\n[r]: command:x',
  '![beacon](https://tracker.example/pixel.png)',
  '![beacon][img]\n\n[img]: https://tracker.example/p.png',
  '<command:autolink>',
  '<a href="command:x">html link</a>',
  '<img src="https://tracker.example/i.png">',
  '<script>alert(1)</script>',
  '<details open><summary>hi</summary>hidden</details>',
  '`a` and then `` `b` `` [x](command:y)',
  '`unpaired [x](command:y)',
  '\\`escaped\\` [x](command:y)',
];

describe('model text made safe for the run document', () => {
  for (const text of HOSTILE) {
    it(`leaves no live target or raw HTML in ${JSON.stringify(text).slice(0, 60)}`, () => {
      const html = render(text);
      for (const target of targets(html)) {
        assert.match(target, /^https?:\/\//, `${target} in ${html}`);
      }
      assert.doesNotMatch(html, /<(script|img|details|summary|a href="(?!https?:))/i, html);
    });
  }

  it('keeps http(s) links as links, images as links, and says where a refused link pointed', () => {
    const html = render('See [the docs](https://docs.anthropic.com/x) and ![a chart](https://example.com/c.png).');
    assert.deepEqual(targets(html), ['https://docs.anthropic.com/x', 'https://example.com/c.png']);
    assert.doesNotMatch(html, /<img/);
    assert.match(render('[Click me](command:evil)'), /Click me <code>command:evil<\/code>/);
  });

  it('keeps code as code, and shows HTML in prose as text', () => {
    assert.match(render('Use `Vec<String>` here.'), /<code>Vec&lt;String&gt;<\/code>/);
    assert.match(render('```html\n<b>bold</b>\n```'), /<pre><code class="language-html">&lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(render('a <b>tag</b>'), /a &lt;b&gt;tag&lt;\/b&gt;/);
  });

  it('closes a fence the text leaves open, so that what follows it is not code', () => {
    const closed = safeMarkdown('```\nstill code');
    assert.equal(md.render(`${closed}\n\n**after**`).includes('<strong>after</strong>'), true);
  });

  it('breaks file:// and other schemes for link detection, but not http(s)', () => {
    const text = safeMarkdown('see file:///etc/passwd and vscode://x and https://ok.example');
    assert.doesNotMatch(text, /file:\/\/|vscode:\/\//);
    assert.match(text, /https:\/\/ok\.example/);
  });
});
