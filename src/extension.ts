// Wiring only: the log, the key store, the client, the view and the commands.
import * as vscode from 'vscode';
import { SkillsClient } from './api/client';
import { ApiKeyStore } from './auth/apiKeyStore';
import { clearApiKey } from './commands/clearApiKey';
import { CommandIds } from './commands/ids';
import { registerCommand } from './commands/register';
import { setApiKey } from './commands/setApiKey';
import { showLog } from './commands/showLog';
import { apiBaseUrl, requestTimeoutMs } from './config';
import { createLog, logRequest } from './log';
import { SkillsTreeProvider } from './tree/skillsTreeProvider';

/** What activate() returns: handles for the host tests, not a public API. */
export interface ClaudeSkillsExports {
  keyStore: ApiKeyStore;
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
  const tree = new SkillsTreeProvider(client, keyStore);

  const updateKeyContext = async () => {
    try {
      const key = await keyStore.get();
      await vscode.commands.executeCommand('setContext', 'claudeSkills.hasKey', key !== undefined);
      await vscode.commands.executeCommand('setContext', 'claudeSkills.hasStoredKey', key?.source === 'stored');
    } catch (err) {
      log.error(err instanceof Error ? err.message : String(err));
    }
  };
  void updateKeyContext();

  context.subscriptions.push(
    log,
    tree,
    vscode.window.createTreeView('claudeSkills.skills', { treeDataProvider: tree, showCollapseAll: true }),
    keyStore.onDidChange(() => {
      void updateKeyContext();
      tree.refresh();
    }),
    registerCommand(CommandIds.setApiKey, setApiKey({ keyStore, clientWithKey: (key) => clientWithKey(async () => key) }), log),
    registerCommand(CommandIds.clearApiKey, clearApiKey(keyStore), log),
    registerCommand(CommandIds.showLog, showLog(log), log),
  );
  return { keyStore };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
