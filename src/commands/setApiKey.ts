import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { keyHint, type ApiKeyStore } from '../auth/apiKeyStore';
import { withCancellableProgress } from './support/cancellation';
import { checkApiKey } from '../operations/apiKeyCheck';

export interface SetApiKeyDeps {
  keyStore: Pick<ApiKeyStore, 'store'>;
  /** A client that uses the given key instead of the stored one, to check a key before keeping it. */
  clientWithKey: (key: string) => Pick<SkillsClient, 'listSkills'>;
}

/** Asks for a key (or takes one given as the argument), checks it with one small list call, stores it. */
export function setApiKey({ keyStore, clientWithKey }: SetApiKeyDeps) {
  return async (given?: unknown) => {
    const entered =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Claude Skills: Set API Key',
            prompt: "Your Anthropic API key (Console → Settings → API Keys). It is kept in VS Code's secret storage.",
            placeHolder: 'sk-ant-…',
            password: true,
            ignoreFocusOut: true,
            validateInput: (value) => (value.trim() ? undefined : 'Enter a key, or press Escape to cancel.'),
          });
    const key = entered?.trim();
    if (!key) return;

    const check = await withCancellableProgress(
      'Claude Skills: checking the API key…',
      undefined,
      (_progress, signal) => checkApiKey(clientWithKey, key, signal),
    );
    if (check.outcome === 'cancelled') return;
    if (check.outcome === 'works') {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(`API key ${keyHint(key)} works and is saved.`);
      return;
    }
    if (check.outcome === 'refused') {
      void vscode.window.showErrorMessage(check.message);
      return;
    }
    const save = await vscode.window.showWarningMessage(
      check.message,
      { modal: true, detail: 'Save it anyway? Browsing will show the same error until the problem is fixed.' },
      'Save Anyway',
    );
    if (save === 'Save Anyway') {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(`API key ${keyHint(key)} is saved (not checked).`);
    }
  };
}
