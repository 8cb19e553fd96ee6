// Markdown a model (or a server) wrote, made safe to show in a document of ours: read in VS Code's text
// editor, where Ctrl+click opens links (`command:` ones included, in a trusted workspace), and in its
// Markdown preview, which loads images and renders raw HTML. What comes out has no raw HTML (every `<` is
// `&lt;`), no link whose target is not http(s) (such a link reads as its text and its target in inline
// code), no image (an image becomes a link: a remote one would be a beacon), and no `scheme://` other
// than http(s) that an editor's link detection would pick up. Fenced code stays as written, and a fence the
// text leaves open is closed, so that it cannot swallow what the document says after it. Every place model
// text goes uses this: run documents, and eval transcripts and reports.

const SAFE_TARGET = /^[ \t]*<?https?:\/\//i;
/** `[text](target)` or `![alt](target)` on one line, with no brackets, backticks or backslashes inside. */
const LINK = /(!?)\[([^[\]`\\\n]*)\]\([ \t]*<?([^\s()<>`\\]*)>?(?:[ \t]+"[^"\n]*")?[ \t]*\)/g;
/** A `scheme://` an editor would make a link of, but not http(s). */
const OTHER_SCHEME = /\b(?!https?:)([a-z][a-z0-9+.-]*):\/\//gi;

/** Inline code showing `text` as itself, whatever backticks it holds. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Prose outside links: no HTML, no image, no `](` or `]:` that could still make a link or a definition. */
function escapeProse(text: string): string {
  return text
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '!\\[')
    .replace(/\]\((?![ \t]*<?https?:\/\/)/gi, ']\\(')
    .replace(/\]:(?![ \t]*<?https?:\/\/)/gi, ']\\:');
}

function safeProse(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    out += escapeProse(text.slice(at, match.index));
    at = match.index + match[0].length;
    const [, bang, label, target] = match;
    const shown = escapeProse(bang ? `image: ${label}` : label);
    out += SAFE_TARGET.test(target) ? `[${shown}](<${target}>)` : `${shown} ${inlineCode(target || '(empty)')}`;
  }
  return out + escapeProse(text.slice(at));
}

/**
 * One line outside fenced code: its code spans (paired on the line) kept, every other backtick escaped so
 * that no renderer pairs them otherwise, and the prose between made safe.
 */
function safeLine(line: string): string {
  let out = '';
  let prose = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      prose += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      prose += c;
      i++;
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    const closing = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, 'g');
    closing.lastIndex = i + run;
    const close = closing.exec(line);
    if (close) {
      out += safeProse(prose) + line.slice(i, close.index + run);
      prose = '';
      i = close.index + run;
    } else {
      prose += '\\`'.repeat(run);
      i += run;
    }
  }
  return out + safeProse(prose);
}

export function safeMarkdown(text: string): string {
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  for (const line of text.split(/\r?\n|\r/)) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      out.push(line);
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      out.push(line);
      continue;
    }
    out.push(safeLine(line));
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  return defangSchemes(out.join('\n'));
}

/** `file://…` and the like with a zero-width space after the colon: read the same, detected as no link. */
export function defangSchemes(text: string): string {
  return text.replace(OTHER_SCHEME, '$1:\u200b//');
}
