// The extension's settings, read when used (so a change applies at once) and validated: a bad value falls
// back to the default with one warning.
import * as vscode from 'vscode';
import { apiBaseUrlProblem } from './api/baseUrl';

export const SECTION = 'claudeSkills';
export const DEFAULT_API_BASE_URL = 'https://api.anthropic.com';
const DEFAULT_TIMEOUT_SECONDS = 60;

const warned = new Set<string>();
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  void vscode.window.showWarningMessage(message);
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** A number setting within bounds (a whole one unless `fractions`), else its default with one warning. */
function boundedNumber(key: string, fallback: number, min: number, max: number, fractions = false): number {
  const value = settings().get<number>(key, fallback);
  const valid = fractions ? typeof value === 'number' && Number.isFinite(value) : Number.isInteger(value);
  if (valid && value >= min && value <= max) return value;
  const setting = `claudeSkills.${key}`;
  warnOnce(
    `${key}:${value}`,
    fractions
      ? vscode.l10n.t('{0} must be a number from {1} to {2}; using {3}.', setting, min, max, fallback)
      : vscode.l10n.t('{0} must be a whole number from {1} to {2}; using {3}.', setting, min, max, fallback),
  );
  return fallback;
}

/** A setting that is one of `choices`, else its default with one warning. */
function oneOf<T extends string>(key: string, choices: readonly T[], fallback: T): T {
  const value = settings().get<string>(key, fallback);
  if ((choices as readonly string[]).includes(value)) return value as T;
  warnOnce(
    `${key}:${value}`,
    vscode.l10n.t('{0} must be one of {1}; using {2}.', `claudeSkills.${key}`, choices.join(', '), fallback),
  );
  return fallback;
}

export function apiBaseUrl(): string {
  const value = settings().get<string>('apiBaseUrl', DEFAULT_API_BASE_URL).trim();
  const problem = apiBaseUrlProblem(value);
  if (problem === undefined) return value;
  warnOnce(
    `apiBaseUrl:${value}`,
    vscode.l10n.t('claudeSkills.apiBaseUrl: {0} Using {1} instead.', problem, DEFAULT_API_BASE_URL),
  );
  return DEFAULT_API_BASE_URL;
}

export const requestTimeoutMs = (): number =>
  boundedNumber('requestTimeoutSeconds', DEFAULT_TIMEOUT_SECONDS, 1, 600, true) * 1000;

const DEFAULT_PAGE_SIZE = 20;

/** Page size of both lists: a whole number from 1 to 100. */
export const pageSize = (): number => boundedNumber('pageSize', DEFAULT_PAGE_SIZE, 1, 100);

export type SourcesSetting = 'all' | 'custom' | 'anthropic';
const SOURCES: readonly SourcesSetting[] = ['all', 'custom', 'anthropic'];

/** Which skills the tree shows. */
export const sources = (): SourcesSetting => oneOf('sources', SOURCES, 'all');

/** Whether a modal confirms each publish. */
export function confirmPublish(): boolean {
  return settings().get<boolean>('confirmPublish', true) !== false;
}

/** gitignore-syntax patterns left out of uploads (`claudeSkills.exclude`); the skill layer's defaults when unset. */
export function excludePatterns(): string[] | undefined {
  const value = settings().get<unknown>('exclude');
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((p) => typeof p === 'string')) return value;
  warnOnce(
    `exclude:${JSON.stringify(value)}`,
    vscode.l10n.t('claudeSkills.exclude must be a list of gitignore-style patterns; using the default list.'),
  );
  return undefined;
}

/** `wrkspc_` and the id's letters and digits, as the Console shows it. */
const WORKSPACE_ID = /^wrkspc_[A-Za-z0-9]+$/;

/**
 * The workspace a key that acts on several workspaces works in (`anthropic-workspace-id`), or undefined
 * when unset. Application-wide like the base URL: a workspace folder must not steer where the key acts.
 */
export function workspaceId(): string | undefined {
  const value = settings().get<string>('workspaceId', '').trim();
  if (value === '') return undefined;
  if (WORKSPACE_ID.test(value)) return value;
  warnOnce(
    `workspaceId:${value}`,
    vscode.l10n.t(
      'claudeSkills.workspaceId must be a workspace id such as wrkspc_01AbCd… (from the Console\'s workspace settings); "{0}" is not one, so no workspace is sent.',
      value,
    ),
  );
  return undefined;
}

/** The model Try in Claude uses without asking, or undefined: ask. */
export function tryModel(): string | undefined {
  const value = settings().get<string>('tryModel', '').trim();
  return value === '' ? undefined : value;
}

const DEFAULT_TRY_MAX_TOKENS = 4096;

/** `max_tokens` of a try: a whole number from 1 to 128,000 (then capped by the model's own). */
export const tryMaxTokensSetting = (): number => boundedNumber('tryMaxTokens', DEFAULT_TRY_MAX_TOKENS, 1, 128_000);

const DEFAULT_TURN_TIMEOUT_MINUTES = 15;

/** How long one streamed turn of a try may take in all, in minutes (1 to 120); pings do not extend it. */
export const tryTurnTimeoutMinutes = (): number =>
  boundedNumber('tryTurnTimeoutMinutes', DEFAULT_TURN_TIMEOUT_MINUTES, 1, 120, true);

/** The model evals run on, or undefined: as Try in Claude chooses. */
export function evalModel(): string | undefined {
  return settings().get<string>('evalModel', '').trim() || undefined;
}

/** The model that grades, or undefined: the eval model. */
export function evalGraderModel(): string | undefined {
  return settings().get<string>('evalGraderModel', '').trim() || undefined;
}

export const evalRuns = () => boundedNumber('evalRuns', 1, 1, 10);
export const evalTriggerRuns = () => boundedNumber('evalTriggerRuns', 3, 1, 10);
export const evalConcurrency = () => boundedNumber('evalConcurrency', 4, 1, 16);

export type EvalBaselineSetting = 'auto' | 'published' | 'none';
const BASELINES: readonly EvalBaselineSetting[] = ['auto', 'published', 'none'];

export const evalBaseline = (): EvalBaselineSetting => oneOf('evalBaseline', BASELINES, 'auto');

export function evalTriggerNeighbours(): boolean {
  return settings().get<boolean>('evalTriggerNeighbours', true) !== false;
}

/** The folder iterations go under, as set (absolute, or relative to the skill's workspace folder); undefined: beside the skill. */
export function evalResultsFolder(): string | undefined {
  return settings().get<string>('evalResultsFolder', '').trim() || undefined;
}

const LINT_TARGET_NAMES = ['api', 'agentskills', 'claude-code', 'vscode'];

/** `claudeSkills.lintTargets`: the consumers skill folders are checked for (their place may add more). */
export function lintTargets(): string[] | undefined {
  const value = settings().get<unknown>('lintTargets');
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((t) => typeof t === 'string' && LINT_TARGET_NAMES.includes(t))) return value;
  warnOnce(
    `lintTargets:${JSON.stringify(value)}`,
    vscode.l10n.t(
      'claudeSkills.lintTargets must be a list of {0}; checking for the Skills API.',
      LINT_TARGET_NAMES.join(', '),
    ),
  );
  return undefined;
}

/** Whether Workspace Skills also lists the user's `~/.claude/skills`. */
export function showPersonalSkills(): boolean {
  return settings().get<boolean>('showPersonalSkills', true) !== false;
}
