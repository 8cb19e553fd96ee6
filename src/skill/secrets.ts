// Secrets found by what files hold, not only by their names: a key pasted into config.json goes nowhere.
// The detector is secretlint's recommended preset (it knows Anthropic, AWS, GitHub, npm, Slack, private
// keys and more), loaded on first use. Excluding a file stays the way past it.
import * as l10n from '@vscode/l10n';
import { forEachLimited } from './concurrency';
import type { SkillFile } from './files';
import { readRegularFileHead } from './files';
import type { SkillProblem } from './problems';

/** Files read at once: a folder of thousands must not run out of file handles. */
const READS_IN_FLIGHT = 8;
/** A file is read this far; the whole upload is at most 30 MB, so this is never the limit for a real skill. */
const MAX_SCAN_BYTES = 30 * 1024 * 1024;
/** secretlint's private-key rule wants 100 characters of body, so it misses short keys (Ed25519, P-256). */
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

type Lint = (filePath: string, content: string) => Promise<{ what: string; line: number }[]>;
let lint: Promise<Lint> | undefined;

function loadSecretlint(): Promise<Lint> {
  lint ??= (async () => {
    const [{ lintSource }, { creator }, { secretLintProfiler }] = await Promise.all([
      import('@secretlint/core'),
      import('@secretlint/secretlint-rule-preset-recommend'),
      import('@secretlint/profiler'),
    ]);
    // Its profiler keeps every mark of every file for ever, and searches them all at each new one: in a
    // long-lived extension host that is a leak, and a folder of thousands of files took a minute.
    secretLintProfiler.mark = () => undefined;
    const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
    return async (filePath, content) => {
      const result = await lintSource({
        source: { filePath, content, contentType: 'text' },
        options: { config, maskSecrets: true },
      });
      // "found Anthropic Claude API key: ****": what was found, never the secret itself.
      return result.messages.map((m) => ({ what: m.message.split(':')[0].trim(), line: m.loc.start.line }));
    };
  })();
  return lint;
}

type Finding = { what: string; line: number } | undefined;

/**
 * What a file's scan found, by path, size and mtime: a publish of files unchanged since the last one scans
 * nothing again. Bounded, oldest first out.
 */
const scanned = new Map<string, Finding>();
const MAX_REMEMBERED = 50_000;
const scanKey = (file: SkillFile) => `${file.absolutePath}\0${file.size}\0${file.mtimeMs}`;

function remember(key: string, finding: Finding): void {
  scanned.delete(key);
  scanned.set(key, finding);
  if (scanned.size > MAX_REMEMBERED) scanned.delete(scanned.keys().next().value!);
}

/**
 * Every Anthropic credential, whatever its kind (`api03`, `admin01`, `oat01`, kinds to come) and length:
 * secretlint knows only API keys of the canonical length, so an admin key, an OAuth token or a key cut
 * short by a paste went through.
 */
const ANTHROPIC_TOKEN = /\bsk-ant-([a-z]+)(\d+)-([A-Za-z0-9_-]{20,})/g;
/** What each kind of token is, as the problem says it found one. */
const ANTHROPIC_KINDS: Record<string, () => string> = {
  api: () => l10n.t('found an Anthropic API key'),
  admin: () => l10n.t('found an Anthropic admin key'),
  oat: () => l10n.t('found an Anthropic OAuth token'),
  ort: () => l10n.t('found an Anthropic OAuth refresh token'),
};

/** What documentation writes in a key's place: `xxxx…`, one character over and over, `YOUR_KEY`, `EXAMPLE`. */
function isPlaceholder(body: string): boolean {
  const core = body.replace(/[-_]/g, '');
  return /^(.)\1*$/i.test(core) || /^[x*]+$/i.test(core) || /your|example|placeholder|redacted|dummy/i.test(body);
}

/** Lines secretlint's own comments mark as deliberate: `secretlint-disable-line`, `-next-line`, and blocks. */
function disabledLines(lines: readonly string[]): Set<number> {
  const disabled = new Set<number>();
  let block = false;
  lines.forEach((line, i) => {
    if (/secretlint-enable\b/.test(line)) block = false;
    else if (/secretlint-disable(?!-)/.test(line)) block = true;
    if (block || /secretlint-disable-line\b/.test(line) || /secretlint-disable-next-line\b/.test(lines[i - 1] ?? '')) {
      disabled.add(i + 1);
    }
  });
  return disabled;
}

function anthropicToken(text: string): Finding {
  let disabled: Set<number> | undefined;
  for (const match of text.matchAll(ANTHROPIC_TOKEN)) {
    if (isPlaceholder(match[3])) continue;
    const line = text.slice(0, match.index).split('\n').length;
    disabled ??= disabledLines(text.split('\n'));
    if (disabled.has(line)) continue;
    const what = Object.hasOwn(ANTHROPIC_KINDS, match[1])
      ? ANTHROPIC_KINDS[match[1]]()
      : l10n.t('found an Anthropic credential (sk-ant-{0})', match[1]);
    return { what, line };
  }
  return undefined;
}

/**
 * A file's text: UTF-8, or UTF-16 when it says so (a byte order mark) or looks so (a NUL beside nearly
 * every ASCII byte, as Windows' tools write). Undefined for a binary file, where these detectors find
 * nothing but noise.
 */
export function decodeText(data: Buffer): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const head = data.subarray(0, 8192);
  if (!head.includes(0)) return data.toString('utf8');
  const pairs = Math.floor(head.length / 2);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  if (pairs >= 2 && oddNuls >= pairs * 0.9 && evenNuls < pairs * 0.1) return new TextDecoder('utf-16le').decode(data);
  if (pairs >= 2 && evenNuls >= pairs * 0.9 && oddNuls < pairs * 0.1) return new TextDecoder('utf-16be').decode(data);
  return undefined;
}

/** What one file holds that looks like a secret, if anything (a file that cannot be read holds nothing). */
async function scanFile(file: SkillFile): Promise<Finding> {
  const data = await readRegularFileHead(file.absolutePath, MAX_SCAN_BYTES).catch(() => undefined);
  const text = data && decodeText(data);
  if (text === undefined) return undefined;
  const [hit] = await (await loadSecretlint())(file.absolutePath, text);
  if (hit) return hit;
  const token = anthropicToken(text);
  if (token) return token;
  const keyAt = PRIVATE_KEY.exec(text);
  return keyAt
    ? { what: l10n.t('found a private key'), line: text.slice(0, keyAt.index).split('\n').length }
    : undefined;
}

/** The problems of the files whose content holds something that looks like a secret. */
export async function scanForSecrets(files: readonly SkillFile[]): Promise<SkillProblem[]> {
  const found = new Map<SkillFile, SkillProblem>();
  await forEachLimited(files, READS_IN_FLIGHT, async (file) => {
    const key = scanKey(file);
    const secret = scanned.has(key) ? scanned.get(key) : await scanFile(file);
    remember(key, secret);
    if (!secret) return;
    found.set(file, {
      rule: 'secret',
      severity: 'error',
      file: file.relativePath,
      line: secret.line,
      message: l10n.t(
        '"{0}" holds what looks like a secret ({1}) on line {2}, and would be uploaded to your Anthropic workspace. Remove it, or exclude the file in .skillignore.',
        file.relativePath,
        secret.what.replace(/^found /, ''),
        secret.line,
      ),
    });
  });
  return files.flatMap((f) => found.get(f) ?? []);
}
