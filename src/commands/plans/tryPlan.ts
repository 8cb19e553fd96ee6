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
  return (
    `Try in Claude sends your prompt to ${model} with "${skillTitle}" attached. It is billed to the API key in use ` +
    `(${keyHint}): up to ${maxTokens} output tokens a request, and up to ${MAX_CONTINUATIONS + 1} requests if ` +
    'the model pauses a long turn.'
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
  if (outcome.error?.kind === 'cancelled') return { text: `The try of "${title}" was cancelled.`, severity: 'info' };
  if (outcome.error)
    return { text: `The try of "${title}" failed: ${describeError(outcome.error)}`, severity: 'error' };
  const files = outcome.files ? `, ${plural(outcome.files, 'file')}` : '';
  const stop =
    outcome.stopReason === 'max_tokens'
      ? l10n.t(': cut at max_tokens (raise claudeSkills.tryMaxTokens)')
      : outcome.stopReason === 'refusal'
        ? l10n.t(': Claude declined (refusal)')
        : '';
  return { text: `The try of "${title}" finished${stop}${files}.`, severity: 'info' };
}
