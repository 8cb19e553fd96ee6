// Secrets found by what files hold, not only by their names: a key pasted into config.json goes nowhere.
// The detector is secretlint's recommended preset (it knows Anthropic, AWS, GitHub, npm, Slack, private
// keys and more), loaded on first use. Excluding a file stays the way past it.
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

/** Text files only: a NUL byte early on says binary, where these detectors find nothing but noise. */
function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 8192).includes(0);
}

/** What one file holds that looks like a secret, if anything (a file that cannot be read holds nothing). */
async function scanFile(file: SkillFile): Promise<Finding> {
  const data = await readRegularFileHead(file.absolutePath, MAX_SCAN_BYTES).catch(() => undefined);
  if (data === undefined || looksBinary(data)) return undefined;
  const text = data.toString('utf8');
  const [hit] = await (await loadSecretlint())(file.absolutePath, text);
  if (hit) return hit;
  const keyAt = PRIVATE_KEY.exec(text);
  return keyAt ? { what: 'found a private key', line: text.slice(0, keyAt.index).split('\n').length } : undefined;
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
      severity: 'error',
      file: file.relativePath,
      line: secret.line,
      message: `"${file.relativePath}" holds what looks like a secret (${secret.what.replace(/^found /, '')}) on line ${secret.line}, and would be uploaded to your Anthropic workspace. Remove it, or exclude the file in .skillignore.`,
    });
  });
  return files.flatMap((f) => found.get(f) ?? []);
}
