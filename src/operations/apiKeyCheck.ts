// Set API Key's decision, apart from VS Code: the key is tried with one small list call; what the answer
// says decides whether it is kept, refused, or left to the user.
import * as l10n from '@vscode/l10n';
import type { SkillsClient } from '../api/skillsClient';
import { ApiError, describeError } from '../api/errors';

export type KeyCheck =
  | { outcome: 'works' }
  /** The API refused the key: never kept. */
  | { outcome: 'refused'; message: string }
  /** It could not be checked (a network failure, a server error): the user may keep it anyway. */
  | { outcome: 'unchecked'; message: string }
  | { outcome: 'cancelled' };

/** Tries `key` with a `limit=1` list; never rejects. */
export async function checkApiKey(
  clientWithKey: (key: string) => Pick<SkillsClient, 'listSkills'>,
  key: string,
  signal?: AbortSignal,
): Promise<KeyCheck> {
  try {
    await clientWithKey(key).listSkills({ limit: 1 }, signal);
    return { outcome: 'works' };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'cancelled') return { outcome: 'cancelled' };
    if (error instanceof ApiError && error.kind === 'auth') {
      return {
        outcome: 'refused',
        message: l10n.t('The Anthropic API refused this key ({0}). It was not saved.', describeError(error)),
      };
    }
    return { outcome: 'unchecked', message: l10n.t('The key could not be checked: {0}', describeError(error)) };
  }
}
