// Runs the host suite (test/host/*.test.ts) in the real extension host of code-server's VS Code server:
// the workbench, opened in Chromium with an extension-test payload, loads this repo as the extension under
// development and calls index.ts's run(); its exit code comes back through codeAutomationExit.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium } from '../support/browser';
import { makeTestCertificates, TLS_ENV } from '../support/tls';
import { repoRoot, startVsCodeServer } from '../support/vscodeServer';

const PSEUDO_LOCALE = 'qps-ploc';
/** The same as index.ts's PSEUDO_TAG. */
const PSEUDO_TAG = '@pseudo';
const TIMEOUT_MS = Number(process.env.HOST_TEST_TIMEOUT_MS ?? 600_000);
const RESULT_PREFIX = 'EXT-TEST-RESULT ';
/** The same as index.ts's LINE_MARKER (index.ts imports mocha, which this Node-side runner need not load). */
const LINE_MARKER = '[host-test] ';

interface PassResult {
  code: number;
  passed: number;
  failed: number;
}

/**
 * The passes: the suite in a trusted workspace; the `@untrusted` tests in one that is not; the `@pseudo` tests
 * in the pseudo-locale, where every message that goes through l10n comes out accented.
 */
type Pass = 'trusted' | 'untrusted' | 'pseudo';

/** One run of the suite in a fresh server. */
async function runPass(pass: Pass): Promise<PassResult> {
  const untrusted = pass === 'untrusted';
  const certificates = makeTestCertificates();
  const server = await startVsCodeServer({
    smokeTestDriver: true,
    workspaceTemplate: join(repoRoot, 'test', 'fixtures', 'workspace'),
    workspaceTrust: untrusted,
    locale: pass === 'pseudo' ? PSEUDO_LOCALE : undefined,
    env: {
      HOST_TEST_GREP: process.env.HOST_TEST_GREP ?? '',
      HOST_TEST_PASS: pass,
      // The extension host trusts the tests' CA the way it trusts a company's: through Node's CA store.
      NODE_EXTRA_CA_CERTS: certificates.caCert,
      [TLS_ENV]: JSON.stringify(certificates),
    },
  });
  const browser = await launchChromium();
  let result: { passed: number; failed: number } | undefined;
  try {
    const page = await browser.newPage();
    const exited = new Promise<number>(
      (resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)),
    );
    await page.exposeFunction('codeAutomationLog', (level: string, args: unknown[]) => {
      // The workbench relays the extension host's console among its own log; keep our suite's lines.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.HOST_TEST_DEBUG) console.log(`[workbench ${level}]`, text);
      const at = text.indexOf(LINE_MARKER);
      if (at === -1) return;
      const line = text.slice(at + LINE_MARKER.length);
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length));
      else console.log(line);
    });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(join(repoRoot, 'out', 'test', 'host', 'index'))],
    ]);
    await page.goto(server.workbenchUrl({ payload }));
    const timedOut = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`host tests: no result within ${TIMEOUT_MS / 1000} s`);
        resolve(124);
      }, TIMEOUT_MS).unref(),
    );
    const code = await Promise.race([exited, timedOut]);
    if (!result) console.error('host tests: the suite reported no result (did the extension activate?)');
    return { code: result && code === 0 ? 0 : code || 1, passed: result?.passed ?? 0, failed: result?.failed ?? 0 };
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<number> {
  const passes: PassResult[] = [];
  try {
    const grep = process.env.HOST_TEST_GREP;
    // HOST_TEST_GREP=@pseudo runs the pseudo-locale pass alone.
    if (!grep?.includes(PSEUDO_TAG)) passes.push(await runPass('trusted'));
    if (!grep) {
      console.log('\n(in a workspace that is not trusted)');
      passes.push(await runPass('untrusted'));
    }
    if (!grep || grep.includes(PSEUDO_TAG)) {
      console.log(`\n(in the pseudo-locale ${PSEUDO_LOCALE})`);
      // The extension under development loads l10n/bundle.l10n.<locale>.json: made for this pass only.
      execFileSync(process.execPath, [join(repoRoot, 'scripts', 'l10n.mjs'), '--pseudo']);
      try {
        passes.push(await runPass('pseudo'));
      } finally {
        for (const file of readdirSync(join(repoRoot, 'l10n')).filter((f) => f.includes(PSEUDO_LOCALE)))
          rmSync(join(repoRoot, 'l10n', file));
      }
    }
  } finally {
    const total = (key: 'passed' | 'failed') => passes.reduce((sum, p) => sum + p[key], 0);
    console.log(`${total('passed')} passed, ${total('failed')} failed`);
  }
  return passes.find((p) => p.code !== 0)?.code ?? 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
