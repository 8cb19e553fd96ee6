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
            title: vscode.l10n.t('Claude Skills: Set API Key'),
            prompt: vscode.l10n.t(
              "Your Anthropic API key (Console → Settings → API Keys). It is kept in VS Code's secret storage.",
            ),
            placeHolder: vscode.l10n.t('sk-ant-…'),
            password: true,
            ignoreFocusOut: true,
            validateInput: (value) =>
              value.trim() ? undefined : vscode.l10n.t('Enter a key, or press Escape to cancel.'),
          });
    const key = entered?.trim();
    if (!key) return;

    const check = await withCancellableProgress(
      vscode.l10n.t('Claude Skills: checking the API key…'),
      undefined,
      (_progress, signal) => checkApiKey(clientWithKey, key, signal),
    );
    if (check.outcome === 'cancelled') return;
    if (check.outcome === 'works') {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(vscode.l10n.t('API key {0} works and is saved.', keyHint(key)));
      return;
    }
    if (check.outcome === 'refused') {
      void vscode.window.showErrorMessage(check.message);
      return;
    }
    const saveAnyway = vscode.l10n.t('Save Anyway');
    const save = await vscode.window.showWarningMessage(
      check.message,
      {
        modal: true,
        detail: vscode.l10n.t('Save it anyway? Browsing will show the same error until the problem is fixed.'),
      },
      saveAnyway,
    );
    if (save === saveAnyway) {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(vscode.l10n.t('API key {0} is saved (not checked).', keyHint(key)));
    }
  };
}
