// One real workbench for a UI test file: the emulator (in this process, so tests can read its log and set
// faults), a VS Code server with the built .vsix installed and pointed at it, and Chromium on a copy of the
// fixture workspace. scripts/test.mjs builds the .vsix first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startScenarioEmulator } from '../emulator/main';
import type { SkillsEmulator } from '../emulator/server';
import { launchChromium } from '../support/browser';
import { repoRoot, startVsCodeServer, type VsCodeServer } from '../support/vscodeServer';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export interface UiSession {
  page: Page;
  emulator: SkillsEmulator;
  apiKey: string;
  /** The workspace folder the workbench has open, on this machine's disk. */
  workspace: string;
}

export function vsixPath(): string {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(repoRoot, `${name}-${version}.vsix`);
}

/** A session to start in the file's `before` and stop in its `after`; its fields are set by start(). */
export function uiSession(
  options: { scenario?: string } = {},
): UiSession & { start(): Promise<void>; stop(): Promise<void> } {
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  const session = {
    async start() {
      const { emulator, apiKey } = await startScenarioEmulator({ scenario: options.scenario });
      Object.assign(session, { emulator, apiKey });
      server = await startVsCodeServer({
        vsix: vsixPath(),
        // VS Code in a browser saves after a delay by default; desktop VS Code, which users run, does not.
        settings: { 'claudeSkills.apiBaseUrl': emulator.url, 'files.autoSave': 'off' },
        workspaceTemplate: join(repoRoot, 'test', 'fixtures', 'workspace'),
      });
      session.workspace = server.workspace;
      browser = await launchChromium();
      session.page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await session.page.goto(`${server.url}/?${new URLSearchParams({ folder: server.workspace })}`);
      await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    },
    async stop() {
      await browser?.close();
      await server?.stop();
      await session.emulator?.close();
    },
  } as UiSession & { start(): Promise<void>; stop(): Promise<void> };
  return session;
}
