// The l10n bundle holds every message the code passes through l10n, and nothing else; a translation keeps
// each message's placeholders. (The lint layer also regenerates the bundle and fails when it differs.)
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/vscodeServer';

const l10nDir = join(repoRoot, 'l10n');
const bundle: Record<string, string | { message: string }> = JSON.parse(
  readFileSync(join(l10nDir, 'bundle.l10n.json'), 'utf8'),
);
const messageOf = (entry: string | { message: string }) => (typeof entry === 'string' ? entry : entry.message);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const literal = (body: string) => {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
  return body.replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c);
};

/**
 * The key of every `l10n.t(` call written as a plain string literal, or as `{ message, …, comment }` (whose
 * key is the message and its comment, as @vscode/l10n looks it up).
 */
function keysInSource(): Set<string> {
  const keys = new Set<string>();
  const call = /\bl10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1\s*[,)]/gs;
  const commented =
    /\bl10n\.t\(\{\s*message:\s*(['"])((?:\\.|(?!\1).)*)\1,.*?comment:\s*\[\s*(['"])((?:\\.|(?!\3).)*)\3\s*,?\s*\]/gs;
  for (const file of sourceFiles(join(repoRoot, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, , body] of text.matchAll(call)) keys.add(literal(body));
    for (const [, , body, , comment] of text.matchAll(commented)) keys.add(`${literal(body)}/${literal(comment)}`);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the l10n bundle', () => {
  it('holds every message of the code and no other', () => {
    const keys = keysInSource();
    assert.ok(keys.size > 50, `only ${keys.size} messages found in src/`);
    const inBundle = new Set(Object.keys(bundle));
    assert.deepEqual(
      [...keys].filter((k) => !inBundle.has(k)),
      [],
      'messages missing from l10n/bundle.l10n.json',
    );
    assert.deepEqual(
      [...inBundle].filter((k) => !keys.has(k)),
      [],
      'messages no code uses any more',
    );
  });

  it("keeps each message's placeholders, in English and in every translation", () => {
    for (const file of readdirSync(l10nDir).filter((f) =>
      /^bundle\.l10n\.[\w-]+\.json$|^bundle\.l10n\.json$/.test(f),
    )) {
      const translated: Record<string, string | { message: string }> = JSON.parse(
        readFileSync(join(l10nDir, file), 'utf8'),
      );
      for (const [key, entry] of Object.entries(translated)) {
        const english = bundle[key] === undefined ? key : messageOf(bundle[key]);
        assert.deepEqual(placeholders(messageOf(entry)), placeholders(english), `${file}: ${key}`);
      }
    }
  });
});
