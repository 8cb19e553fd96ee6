// What every host suite sets up the same way: the extension activated, an emulator seeded and pointed at,
// the key stored, settings applied, and all of it undone after. Waits on the events the extension reacts
// to, not on a fixed sleep, so the view's own reloads are over before the first test.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ClaudeSkillsExports } from '../../src/extension';
import type { SkillNode, SkillsTreeNode, VersionNode } from '../../src/tree/nodes';
import { seed, type Scenario } from '../emulator/scenario';
import { startEmulator, type EmulatorOptions, type SkillsEmulator } from '../emulator/server';
import { SkillStore } from '../emulator/store';

export const EXTENSION_ID = 'claude-skills.claude-skills';

export interface HostSuiteOptions {
  /** The key the emulator accepts, stored in SecretStorage before the tests unless `storeKey` is false. */
  key?: string;
  storeKey?: boolean;
  skills?: Scenario['skills'];
  /** More of the emulator's options (TLS, a host). */
  emulator?: Partial<EmulatorOptions>;
  /** `claudeSkills.*` settings for the suite, undone after it. */
  settings?: Record<string, unknown>;
}

export interface HostSuite {
  readonly exports: ClaudeSkillsExports;
  readonly emulator: SkillsEmulator;
  readonly store: SkillStore;
  /** Every skill row, the root's and the Anthropic group's. */
  skillNodes(): Promise<SkillNode[]>;
  skillNode(id: string): Promise<SkillNode | undefined>;
  versionNodes(skillId: string): Promise<VersionNode[]>;
}

/** Resolves at the first event that `accept` takes. */
export function nextEvent<T>(event: vscode.Event<T>, accept: (e: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((e) => {
      if (!accept(e)) return;
      subscription.dispose();
      resolve(e);
    });
  });
}

/**
 * Closes the sidebar, and waits until the extension host knows its views are hidden: a visible view reads
 * lists of its own when the key or a setting changes, and the emulator's log must hold the tests' alone.
 */
export async function hideViews(exports: ClaudeSkillsExports): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const views = [exports.view.treeView, exports.workspaceView.treeView];
  await eventually(
    () => views.filter((v) => v.visible).length,
    (shown) => shown === 0,
    'views hidden with the sidebar',
  );
}

/** The rule of one of our diagnostics: its code's value (the code links to the README's row). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** `read()` once `ok` takes it, within 10 s; else the test fails naming `what` and the last value. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) assert.fail(`${what}; last seen:\n${String(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Makes `dir` (and the folders above it that are missing) and waits until the file watcher reports changes
 * in each: a folder made a moment ago may not be watched yet, and a test that writes into it would wait
 * for an event that never comes.
 */
export async function watchedDir(exports: Pick<ClaudeSkillsExports, 'folders'>, dir: string): Promise<void> {
  const levels: string[] = [];
  for (let at = dir; !existsSync(at); at = join(at, '..')) levels.unshift(at);
  for (const level of levels) {
    mkdirSync(level);
    const probe = join(level, 'watch-probe.txt');
    const seen = nextEvent(exports.folders.onDidTouch, (uri) => uri.fsPath === probe);
    let watched = false;
    for (let attempt = 0; attempt < 20 && !watched; attempt++) {
      writeFileSync(probe, `${attempt}`);
      watched = await Promise.race([seen.then(() => true), new Promise<boolean>((r) => setTimeout(r, 500, false))]);
    }
    assert.ok(watched, `the file watcher never reported a change in ${level}`);
    rmSync(probe);
  }
}

/** Every file below `folder`, a few levels deep. */
function filesBelow(folder: string, depth = 4): string[] {
  if (depth < 0 || !existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path, depth - 1) : [path];
  });
}

/** What the extension's output channel wrote to its file so far (every session of this host). */
export function extensionLog(exports: Pick<ClaudeSkillsExports, 'logUri'>): string {
  return filesBelow(dirname(exports.logUri.fsPath))
    .filter((f) => f.endsWith('Claude Skills.log'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

export async function activateExtension(): Promise<ClaudeSkillsExports> {
  const extension = vscode.extensions.getExtension<ClaudeSkillsExports>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Sets a `claudeSkills.*` setting (undefined removes it) and waits until VS Code has told the extension. */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const settings = vscode.workspace.getConfiguration('claudeSkills');
  if (settings.inspect(key)?.globalValue === value) return;
  const told = nextEvent(vscode.workspace.onDidChangeConfiguration, (e) =>
    e.affectsConfiguration(`claudeSkills.${key}`),
  );
  await settings.update(key, value, vscode.ConfigurationTarget.Global);
  await told;
}

/** Registers the suite's before, beforeEach and after hooks; the returned handles fill in before the tests. */
export function useHostSuite(options: HostSuiteOptions = {}): HostSuite {
  const suite = { store: new SkillStore() } as HostSuite & {
    exports: ClaudeSkillsExports;
    emulator: SkillsEmulator;
  };
  const settings = { ...options.settings };

  before(async () => {
    suite.exports = await activateExtension();
    if (options.skills) seed(suite.store, { skills: options.skills });
    suite.emulator = await startEmulator({
      apiKeys: options.key ? [options.key] : [],
      store: suite.store,
      ...options.emulator,
    });
    // The view, if visible, would load lists too: the log must hold the tests' requests alone.
    await hideViews(suite.exports);
    await updateSetting('apiBaseUrl', suite.emulator.url);
    for (const [key, value] of Object.entries(settings)) await updateSetting(key, value);
    const current = await suite.exports.keyStore.get();
    const wanted = options.storeKey === false ? undefined : options.key;
    if (wanted && !(current?.source === 'stored' && current.key === wanted)) {
      const stored = nextEvent(suite.exports.keyStore.onDidChange);
      await suite.exports.keyStore.store(wanted);
      await stored;
    }
  });

  beforeEach(() => {
    suite.emulator.faults.length = 0;
    suite.emulator.latencyMs = 0;
    suite.emulator.resetLog();
  });

  after(async () => {
    await suite.exports.keyStore.clear();
    for (const key of ['apiBaseUrl', ...Object.keys(settings)]) await updateSetting(key, undefined);
    await suite.emulator.close();
  });

  const isSkill = (n: SkillsTreeNode): n is SkillNode => n.kind === 'skill';
  const isVersion = (n: SkillsTreeNode): n is VersionNode => n.kind === 'version';
  suite.skillNodes = async () => {
    const { tree } = suite.exports;
    const root = await tree.getChildren();
    const group = root.find((n) => n.kind === 'group');
    return [...root, ...(group ? await tree.getChildren(group) : [])].filter(isSkill);
  };
  suite.skillNode = async (id) => (await suite.skillNodes()).find((n) => n.skill.id === id);
  suite.versionNodes = async (skillId) =>
    (await suite.exports.tree.getChildren(await suite.skillNode(skillId))).filter(isVersion);
  return suite;
}
