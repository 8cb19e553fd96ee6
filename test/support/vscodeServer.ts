// Runs the real VS Code server shipped in code-server (pinned in scripts/host/) on 127.0.0.1, with a
// throw-away user-data folder, for the host tests, the UI tests and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = resolve(__dirname, '..', '..', '..');

export interface VsCodeServerOptions {
  /** The display language the workbench and the extension hosts run in (`--locale`), such as `qps-ploc`. */
  locale?: string;
  /** `--enable-smoke-test-driver`: the workbench honours an extension-test payload (and hides toasts). */
  smokeTestDriver?: boolean;
  /** A .vsix to install into the server's extensions folder before it starts. */
  vsix?: string;
  /** Written to the user-data folder's User/settings.json, over the quiet defaults below. */
  settings?: Record<string, unknown>;
  /** A folder copied in as the workspace; an empty one when absent. */
  workspaceTemplate?: string;
  /** Ask for workspace trust instead of trusting everything. */
  workspaceTrust?: boolean;
  /** Extra environment. ANTHROPIC_API_KEY is removed unless given here. */
  env?: NodeJS.ProcessEnv;
  port?: number;
}

export interface VsCodeServer {
  url: string;
  port: number;
  /** The workspace folder opened by {@link workbenchUrl}. */
  workspace: string;
  userDataDir: string;
  logFile: string;
  workbenchUrl(extra?: Record<string, string>): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  // The Get Started walkthrough would take the focus from the tests when the extension is installed.
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // What is in the machine's ~/.claude/skills is no test's business; the tests that list it turn it on.
  'claudeSkills.showPersonalSkills': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
};

/** The part of scripts/lib/host.mjs (shared with setup-host.mjs, which runs before anything is compiled) used here. */
interface HostPaths {
  node24: string;
  serverMain: string;
}

export async function loadHostPaths(): Promise<HostPaths> {
  const mod = (await import(pathToFileURL(join(repoRoot, 'scripts', 'lib', 'host.mjs')).href)) as {
    hostPaths(): HostPaths;
  };
  const paths = mod.hostPaths();
  if (!existsSync(paths.serverMain)) {
    throw new Error(`The VS Code host is not installed (${paths.serverMain}). Run: node scripts/setup-host.mjs`);
  }
  return paths;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `The VS Code server did not answer at ${url} within ${timeoutMs} ms. Its log:\n${readFileSync(logFile, 'utf8').slice(-4000)}`,
  );
}

/**
 * The record of a language pack for `locale`, as VS Code keeps one for each pack installed, translating
 * nothing of VS Code's own: the server runs in a display language only when a pack for it is known, and only
 * then do extensions load their `l10n/bundle.l10n.<locale>.json`.
 */
function writeLanguagePack(root: string, userData: string, locale: string): void {
  const translations = join(root, 'language-pack', 'main.i18n.json');
  mkdirSync(dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = {
    hash: `test-${locale}`,
    extensions: [{ extensionIdentifier: { id: `claude-skills-tests.${locale}` }, version: '1.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

export async function startVsCodeServer(options: VsCodeServerOptions = {}): Promise<VsCodeServer> {
  const host = await loadHostPaths();
  const root = mkdtempSync(join(tmpdir(), 'claude-skills-vscode-'));
  const dirs = {
    userData: join(root, 'data'),
    server: join(root, 'server'),
    extensions: join(root, 'ext'),
    workspace: join(root, 'ws'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settings = {
    ...QUIET_SETTINGS,
    ...(options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}),
    ...options.settings,
  };
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (options.workspaceTemplate) cpSync(options.workspaceTemplate, dirs.workspace, { recursive: true });

  const common = [
    '--server-data-dir',
    dirs.server,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
  if (options.vsix) {
    const install = spawnSync(
      host.node24,
      [host.serverMain, ...common, '--install-extension', options.vsix, '--force'],
      { encoding: 'utf8' },
    );
    if (install.status !== 0)
      throw new Error(`Installing ${options.vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
  if (options.locale) writeLanguagePack(root, dirs.userData, options.locale);

  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ANTHROPIC_API_KEY;
  Object.assign(env, options.env);
  const logFile = join(root, 'server.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    host.node24,
    [
      host.serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--telemetry-level',
      'off',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      ...(options.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
      ...(options.locale ? ['--locale', options.locale] : []),
      ...common,
    ],
    { detached: true, stdio: ['ignore', logFd, logFd], env },
  );
  closeSync(logFd);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const stop = async () => {
    // The server's extension hosts outlive the page: end the whole process group.
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    // Extension hosts may outlive the server itself: whatever is left of the group goes.
    signal('SIGKILL');
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/version`, 60_000, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    port,
    workspace: dirs.workspace,
    userDataDir: dirs.userData,
    logFile,
    workbenchUrl: (extra = {}) => `${url}/?${new URLSearchParams({ folder: dirs.workspace, ...extra })}`,
    stop,
  };
}
