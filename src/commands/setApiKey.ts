import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { SkillsApiError, describeError } from '../api/errors';
import { keyHint, type ApiKeyStore } from '../auth/apiKeyStore';
import { withCancellableProgress } from './support/cancellation';

export interface SetApiKeyDeps {
  keyStore: Pick<ApiKeyStore, 'store'>;
  /** A client that uses the given key instead of the stored one, to check a key before keeping it. */
  clientWithKey: (key: string) => Pick<SkillsClient, 'listSkills'>;
}

type Verdict = { ok: true } | { ok: false; error: unknown };

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

    const verdict = await withCancellableProgress(
      'Claude Skills: checking the API key…',
      undefined,
      async (_progress, signal): Promise<Verdict> => {
        try {
          await clientWithKey(key).listSkills({ limit: 1 }, signal);
          return { ok: true };
        } catch (error) {
          return { ok: false, error };
        }
      },
    );

    if (verdict.ok) {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(`API key ${keyHint(key)} works and is saved.`);
      return;
    }
    const { error } = verdict;
    if (error instanceof SkillsApiError && error.kind === 'cancelled') return;
    if (error instanceof SkillsApiError && error.kind === 'auth') {
      void vscode.window.showErrorMessage(
        `The Anthropic API refused this key (${describeError(error)}). It was not saved.`,
      );
      return;
    }
    const save = await vscode.window.showWarningMessage(
      `The key could not be checked: ${describeError(error)}`,
      { modal: true, detail: 'Save it anyway? Browsing will show the same error until the problem is fixed.' },
      'Save Anyway',
    );
    if (save === 'Save Anyway') {
      await keyStore.store(key);
      void vscode.window.showInformationMessage(`API key ${keyHint(key)} is saved (not checked).`);
    }
  };
}
