// What a try says and keeps, apart from VS Code: the billing notice, the prompts remembered per skill (a
// bounded map, newest last), and the run's closing message.
import * as l10n from '@vscode/l10n';
import type { ApiError } from '../../api/errors';
import { describeError } from '../../api/errors';
import { MAX_CONTINUATIONS } from '../../operations/skillRun';
import { plural } from '../../shared/words';

/** Prompts kept: one per skill, the skills tried most recently. */
const KEPT_PROMPTS = 50;

export function billingNotice(model: string, maxTokens: number, skillTitle: string, keyHint: string): string {
  return l10n.t(
    'Try in Claude sends your prompt to {0} with "{1}" attached. It is billed to the API key in use ({2}): up to {3} output tokens a request, and up to {4} requests if the model pauses a long turn.',
    model,
    skillTitle,
    keyHint,
    maxTokens,
    MAX_CONTINUATIONS + 1,
  );
}

/** The prompts by skill id after `prompt` was tried with `skillId`: that skill's moved last, the oldest dropped. */
export function rememberPrompt(
  prompts: Readonly<Record<string, string>>,
  skillId: string,
  prompt: string,
): Record<string, string> {
  const entries = Object.entries(prompts).filter(([id]) => id !== skillId);
  entries.push([skillId, prompt]);
  return Object.fromEntries(entries.slice(-KEPT_PROMPTS));
}

export interface RunOutcome {
  error?: ApiError;
  stopReason?: string | null;
  files: number;
}

/** The message a run ends with, and whether it is an error. */
export function runOutcomeMessage(title: string, outcome: RunOutcome): { text: string; severity: 'info' | 'error' } {
  if (outcome.error?.kind === 'cancelled')
    return { text: l10n.t('The try of "{0}" was cancelled.', title), severity: 'info' };
  if (outcome.error)
    return { text: l10n.t('The try of "{0}" failed: {1}', title, describeError(outcome.error)), severity: 'error' };
  const files = outcome.files ? `, ${plural(outcome.files, 'file')}` : '';
  const stop =
    outcome.stopReason === 'max_tokens'
      ? l10n.t(': cut at max_tokens (raise claudeSkills.tryMaxTokens)')
      : outcome.stopReason === 'refusal'
        ? l10n.t(': Claude declined (refusal)')
        : '';
  return { text: l10n.t('The try of "{0}" finished{1}{2}.', title, stop, files), severity: 'info' };
}
