import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';

export function clearApiKey(keyStore: Pick<ApiKeyStore, 'clear' | 'get'>) {
  return async () => {
    await keyStore.clear();
    const left = await keyStore.get();
    void vscode.window.showInformationMessage(
      left?.source === 'environment'
        ? vscode.l10n.t('The stored API key was removed. The ANTHROPIC_API_KEY environment variable is still in use.')
        : vscode.l10n.t('The stored API key was removed.'),
    );
  };
}
