// The API key: kept only in VS Code's SecretStorage; without a stored key, ANTHROPIC_API_KEY is read
// (read-only, at call time).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { describeError } from '../api/errors';
import { SecretKeys } from '../constants';

export type ApiKeySource = 'stored' | 'environment';

export interface ApiKey {
  key: string;
  source: ApiKeySource;
}

/** The secret store failed (typically no keyring on Linux): says why and what to do. */
export class SecretStoreError extends Error {
  constructor(cause: unknown) {
    const reason = describeError(cause);
    super(
      l10n.t(
        'VS Code\'s secret storage is not available ({0}). On Linux it needs a running, unlocked keyring (GNOME Keyring or KWallet, reached through libsecret); install or unlock one, or choose a store with "password-store" in "Preferences: Configure Runtime Arguments", then restart VS Code. Until then, set the ANTHROPIC_API_KEY environment variable before starting VS Code.',
        reason,
      ),
      { cause },
    );
    this.name = 'SecretStoreError';
  }
}

/** `…abcd`: enough to tell keys apart, never enough to use one. */
export function keyHint(key: string): string {
  return `…${key.slice(-4)}`;
}

export class ApiKeyStore {
  /** Fires when the stored key changes, in this window or another. */
  readonly onDidChange: vscode.Event<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange((e) => e.key === SecretKeys.apiKey && listener.call(thisArgs), undefined, disposables);
  }

  async get(): Promise<ApiKey | undefined> {
    const stored = await this.guard(() => this.secrets.get(SecretKeys.apiKey));
    if (stored) return { key: stored, source: 'stored' };
    const fromEnv = this.env.ANTHROPIC_API_KEY?.trim();
    return fromEnv ? { key: fromEnv, source: 'environment' } : undefined;
  }

  store(key: string): Promise<void> {
    return this.guard(() => this.secrets.store(SecretKeys.apiKey, key));
  }

  clear(): Promise<void> {
    return this.guard(() => this.secrets.delete(SecretKeys.apiKey));
  }

  private async guard<T>(operation: () => Thenable<T>): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      throw new SecretStoreError(err);
    }
  }
}
