// Who reads a skill folder, and which frontmatter keys each of them takes. One folder serves several
// consumers whose rules differ; a finding names the consumer that refuses, and what the others do.
//
// Sources, read 2026-12 (where they disagree or are silent, the messages say so instead of refusing):
// - The Skills API (api): ../shared/skills-api.md, "SKILL.md rules" — the Agent Skills keys; whether the API
//   rejects other keys is UNVERIFIED, so an unknown key is a warning for it, never an error.
// - The Agent Skills format (agentskills): agentskills.io/specification, and its reference validator
//   skills-ref (agentskills/agentskills, skills-ref/src/skills_ref/validator.py, ALLOWED_FIELDS), which
//   refuses any other key. (One revision of skills-ref also allows `credentials`; the specification does
//   not list it, so neither do we.)
// - Claude Code (claude-code): code.claude.com/docs/en/skills, "Frontmatter reference", and the skills of
//   anthropics/claude-code's plugin-dev plugin (`paths`, `version`). Claude Code ignores keys it does not
//   know, and its list grows between releases: an unknown key is a hint for it.
// - VS Code's agent skills (vscode): microsoft/vscode-docs, docs/copilot/customization/agent-skills.md
//   (2026-02): `name`, `description`, `argument-hint`, `user-invokable` (spelled with a k there; Claude Code
//   spells it `user-invocable`, and builds of VS Code have differed), `disable-model-invocation`; VS Code
//   warns on keys it does not know, so an unknown key is a warning for it.

import * as l10n from '@vscode/l10n';
import { formatList } from '../shared/words';

export type LintTarget = 'api' | 'agentskills' | 'claude-code' | 'vscode';

export const LINT_TARGETS: readonly LintTarget[] = ['api', 'agentskills', 'claude-code', 'vscode'];

/** How a consumer is named inside a sentence. */
export function targetName(target: LintTarget): string {
  switch (target) {
    case 'api':
      return l10n.t('the Skills API');
    case 'agentskills':
      return l10n.t('the Agent Skills format (skills-ref)');
    case 'claude-code':
      return l10n.t('Claude Code');
    case 'vscode':
      return l10n.t("VS Code's agent skills");
  }
}

/** "the Skills API, Claude Code and VS Code's agent skills", as the display language lists things. */
export function targetList(targets: readonly LintTarget[]): string {
  return formatList(targets.map(targetName));
}

/** A sentence's first letter made a capital: a consumer's name may open it. */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What a target does with a frontmatter key it does not know. */
export const UNKNOWN_KEY_VERDICT: Readonly<Record<LintTarget, 'refuses' | 'may refuse' | 'ignores' | 'warns'>> = {
  api: 'may refuse',
  agentskills: 'refuses',
  'claude-code': 'ignores',
  vscode: 'warns',
};

export interface FrontmatterKey {
  /** The targets that take the key. */
  targets: readonly LintTarget[];
  /** What it does, for hovers. */
  about: string;
}

const ALL = LINT_TARGETS;
const FORMAT: readonly LintTarget[] = ['api', 'agentskills', 'claude-code'];

export const FRONTMATTER_KEYS: Readonly<Record<string, FrontmatterKey>> = {
  name: {
    targets: ALL,
    get about() {
      return l10n.t('The skill’s identifier: lowercase letters, digits and hyphens, at most 64.');
    },
  },
  description: {
    targets: ALL,
    get about() {
      return l10n.t('What the skill does and when to use it: what a model reads to choose the skill (at most 1,024).');
    },
  },
  license: {
    targets: FORMAT,
    get about() {
      return l10n.t('The license that covers the skill, or the name of a bundled license file.');
    },
  },
  compatibility: {
    targets: FORMAT,
    get about() {
      return l10n.t(
        'What the skill needs of its environment (a product, packages, network access): at most 500 characters.',
      );
    },
  },
  metadata: {
    targets: FORMAT,
    get about() {
      return l10n.t('More properties, as a map of text keys to text values.');
    },
  },
  'allowed-tools': {
    targets: FORMAT,
    get about() {
      return l10n.t(
        'Tools the skill may use without asking, space-separated (experimental in the Agent Skills format).',
      );
    },
  },
  'argument-hint': {
    targets: ['claude-code', 'vscode'],
    get about() {
      return l10n.t('The hint shown after the skill’s slash command, such as "[file] [options]".');
    },
  },
  'disable-model-invocation': {
    targets: ['claude-code', 'vscode'],
    get about() {
      return l10n.t('true: only the user starts the skill (its slash command); the model never loads it by itself.');
    },
  },
  'user-invocable': {
    targets: ['claude-code', 'vscode'],
    get about() {
      return l10n.t('false: the skill is not in the slash-command menu; the model may still load it.');
    },
  },
  'user-invokable': {
    targets: ['vscode'],
    get about() {
      return l10n.t('VS Code’s documented spelling of user-invocable (Claude Code reads user-invocable only).');
    },
  },
  model: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('The model to use while the skill is active.');
    },
  },
  context: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('"fork": the skill runs in a subagent of its own.');
    },
  },
  agent: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('The subagent type a forked skill runs in.');
    },
  },
  hooks: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('Hooks that run while the skill is active.');
    },
  },
  paths: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('Glob patterns: the skill loads by itself only for matching files.');
    },
  },
  version: {
    targets: ['claude-code'],
    get about() {
      return l10n.t('The skill’s version, for the author (plugins use it).');
    },
  },
};

/** The keys a set of targets takes, sorted. */
export function keysFor(targets: readonly LintTarget[]): string[] {
  return Object.keys(FRONTMATTER_KEYS)
    .filter((key) => FRONTMATTER_KEYS[key].targets.some((t) => targets.includes(t)))
    .sort();
}

/**
 * The targets of a folder: the configured ones (unknown names dropped), else the Skills API; and what the
 * folder's place says — under `.claude/skills/`, Claude Code reads it; under `.github/skills/` (or
 * `.agents/skills/`), VS Code does.
 */
export function targetsOf(folder: string, configured?: readonly string[]): LintTarget[] {
  const given = (configured ?? []).filter((t): t is LintTarget => (LINT_TARGETS as readonly string[]).includes(t));
  const targets = new Set<LintTarget>(given.length > 0 ? given : ['api']);
  const path = `${folder.replace(/\\/g, '/')}/`;
  if (path.includes('/.claude/skills/')) targets.add('claude-code');
  if (path.includes('/.github/skills/') || path.includes('/.agents/skills/')) targets.add('vscode');
  return LINT_TARGETS.filter((t) => targets.has(t));
}

/** Edits between two keys (Damerau–Levenshtein: a swap of neighbours is one), `_` and `-` alike. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase().replace(/_/g, '-');
  const y = b.toLowerCase().replace(/_/g, '-');
  const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

/** The known key `key` is most likely a misspelling of, among `known`: at most 2 edits, and a third of its length. */
export function closeKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  let best: { key: string; edits: number } | undefined;
  for (const candidate of known) {
    if (candidate === key) return undefined;
    // `allowed_tools` for `allowed-tools` is one edit, though the comparison takes `_` for `-`.
    const edits = distance(key, candidate) || 1;
    if (edits > 0 && edits <= 2 && edits <= Math.floor(candidate.length / 3) && (!best || edits < best.edits)) {
      best = { key: candidate, edits };
    }
  }
  return best?.key;
}
