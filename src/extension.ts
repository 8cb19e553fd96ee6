// Wiring only: the services, the providers VS Code asks, the reactions to the key and the settings, the commands.
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { SettingIds, contextValue } from './constants';
import { RUN_SCHEME } from './documents/runFileSystem';
import { VERSION_SCHEME } from './documents/versionFileSystem';
import { createServices, type Services } from './services';
import { configureLocale } from './shared/locale';
import { skillBundle } from './skillBundle';

/** What activate() returns: the services and a few more handles for the host tests, not a public API. */
export type ClaudeSkillsExports = Services & {
  collisions: Services['authoring']['collisions'];
  /** The extension's log folder: its output channel's file is beside it, for the tests that read the log. */
  logUri: vscode.Uri;
  /** How many files were read to be hashed so far: the tests count them. */
  filesHashed: () => number;
  /** The workspace's stored state: the tests leave in it what another version or a hand edit may. */
  workspaceState: vscode.Memento;
  /** How long activate() took, in ms: the benchmark reads it. */
  activationMs: number;
  /** What a context key was last set to (the walkthrough's steps among them). */
  contextValue: typeof contextValue;
};

const readOnly = { isReadonly: true, isCaseSensitive: true };

export function activate(context: vscode.ExtensionContext): ClaudeSkillsExports {
  const started = performance.now();
  configureLocale({ language: vscode.env.language, bundle: vscode.l10n.bundle });
  const services = createServices(context);
  const { keyStore, model, view, workspaceView } = services;
  context.subscriptions.push(
    ...services.disposables,
    vscode.window.registerFileDecorationProvider(services.decorations),
    vscode.workspace.registerFileSystemProvider(VERSION_SCHEME, services.versionFiles, readOnly),
    vscode.workspace.registerFileSystemProvider(RUN_SCHEME, services.runs, readOnly),
    keyStore.onDidChange(() => {
      void view.updateKeyState();
      void model.refresh();
      workspaceView.accountChanged();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (Object.values(SettingIds).some((id) => e.affectsConfiguration(id))) {
        view.describe();
        void model.refresh();
      }
      if ([SettingIds.apiBaseUrl, SettingIds.workspaceId].some((id) => e.affectsConfiguration(id))) {
        workspaceView.accountChanged();
      }
    }),
    ...registerCommands(services),
  );
  return {
    ...services,
    collisions: services.authoring.collisions,
    logUri: context.logUri,
    filesHashed: () => skillBundle().filesHashed(),
    workspaceState: context.workspaceState,
    activationMs: performance.now() - started,
    contextValue,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
