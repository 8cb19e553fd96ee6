// Wiring only: the log, the key store, the client, the view and the commands.
import * as vscode from 'vscode';
import { SkillsClient } from './api/client';
import { ApiKeyStore, keyHint } from './auth/apiKeyStore';
import { clearApiKey } from './commands/clearApiKey';
import { CommandIds, InternalCommandIds } from './commands/ids';
import { loadMore } from './commands/loadMore';
import { refresh } from './commands/refresh';
import { registerCommand } from './commands/register';
import { setApiKey } from './commands/setApiKey';
import { showLog } from './commands/showLog';
import { apiBaseUrl, pageSize, requestTimeoutMs, sources } from './config';
import { createLog, logRequest } from './log';
import { SkillsTreeProvider } from './tree/skillsTreeProvider';

/** What activate() returns: handles for the host tests, not a public API. */
export interface ClaudeSkillsExports {
  keyStore: ApiKeyStore;
  tree: SkillsTreeProvider;
}

export function activate(context: vscode.ExtensionContext): ClaudeSkillsExports {
  const log = createLog();
  const keyStore = new ApiKeyStore(context.secrets);
  // VS Code's global fetch carries the user's proxy, PAC and certificate settings; FormData must be its twin.
  const clientWithKey = (apiKey: () => Promise<string | undefined>) =>
    new SkillsClient({
      transport: { fetch: globalThis.fetch, FormData: globalThis.FormData },
      baseUrl: apiBaseUrl,
      apiKey,
      timeoutMs: requestTimeoutMs,
      onRequest: (entry) => logRequest(log, entry),
    });
  const client = clientWithKey(async () => (await keyStore.get())?.key);
  const tree = new SkillsTreeProvider({ client, keyStore, pageSize, sources });
  const view = vscode.window.createTreeView('claudeSkills.skills', { treeDataProvider: tree, showCollapseAll: true });

  // Which key is in use shows in the view's description and decides between the welcome and the tree.
  const updateKeyState = async () => {
    try {
      const key = await keyStore.get();
      await vscode.commands.executeCommand('setContext', 'claudeSkills.hasKey', key !== undefined);
      await vscode.commands.executeCommand('setContext', 'claudeSkills.hasStoredKey', key?.source === 'stored');
      view.description = key ? `${keyHint(key.key)}${key.source === 'environment' ? ' (ANTHROPIC_API_KEY)' : ''}` : undefined;
    } catch (err) {
      log.error(err instanceof Error ? err.message : String(err));
    }
  };
  void updateKeyState();

  context.subscriptions.push(
    log,
    tree,
    view,
    keyStore.onDidChange(() => {
      void updateKeyState();
      void tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (['apiBaseUrl', 'pageSize', 'sources'].some((key) => e.affectsConfiguration(`claudeSkills.${key}`))) void tree.refresh();
    }),
    registerCommand(CommandIds.refresh, refresh(tree), log),
    registerCommand(InternalCommandIds.loadMore, loadMore(tree), log),
    registerCommand(CommandIds.setApiKey, setApiKey({ keyStore, clientWithKey: (key) => clientWithKey(async () => key) }), log),
    registerCommand(CommandIds.clearApiKey, clearApiKey(keyStore), log),
    registerCommand(CommandIds.showLog, showLog(log), log),
  );
  return { keyStore, tree };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
