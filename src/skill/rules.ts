// The Skills API's rules for SKILL.md's frontmatter (skills-api.md, "SKILL.md rules"), and what each
// other consumer of the folder does with its keys (lintTargets.ts).
import { formatList } from '../shared/words';
import { SKILL_MD, type ParsedSkillMd } from './frontmatter';
import * as l10n from '@vscode/l10n';
import { FRONTMATTER_KEYS, capitalized, closeKey, keysFor, targetList, type LintTarget } from './lintTargets';
import type { ProblemFix, RuleId, SkillProblem } from './problems';

export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 1024;
export const COMPATIBILITY_MAX = 500;
export const RESERVED_WORDS = ['anthropic', 'claude'] as const;
/** The keys of the open Agent Skills format; others may be ignored or refused by the API. */
export const KNOWN_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'] as const;

const XML_TAG = /[<>]/;

/** Characters as the API counts them (Python's len): code points, so an emoji is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A name the rules accept, made from what the author typed: "My Skill!" → "my-skill". */
function suggestName(name: string): string {
  let suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  for (const word of RESERVED_WORDS)
    suggestion = suggestion.replace(new RegExp(`-?${word}-?`, 'g'), '-').replace(/^-+|-+$/g, '');
  return suggestion.slice(0, NAME_MAX).replace(/-+$/, '');
}

/**
 * One thing wrong with a value, and who refuses it: `refusedBy` the consumers whose rules forbid it,
 * `acceptedBy` those documented to take it; the rest are silent about it.
 */
interface Finding {
  message: string;
  refusedBy: readonly LintTarget[];
  acceptedBy?: readonly LintTarget[];
}

const ALL_TARGETS: readonly LintTarget[] = ['api', 'agentskills', 'claude-code', 'vscode'];
/** The name's form: the Skills API, the Agent Skills specification, Claude Code's and VS Code's docs agree. */
const NAME_FORM = ALL_TARGETS;
/** What the Skills API adds to the specification (skills-api.md): reserved words, no XML tags. */
const API_ONLY: readonly LintTarget[] = ['api'];
/** Hyphens at the ends or doubled: the Skills API and the specification forbid them; the others do not say. */
const HYPHENS: readonly LintTarget[] = ['api', 'agentskills'];
/** Claude Code takes the folder's name for a missing `name`, and the body's first paragraph for a missing description. */
const REQUIRED: Pick<Finding, 'refusedBy' | 'acceptedBy'> = {
  refusedBy: ['api', 'agentskills', 'vscode'],
  acceptedBy: ['claude-code'],
};

function nameFindings(name: string): Finding[] {
  const found: Finding[] = [];
  const suggestion = suggestName(name);
  // The suggestion is a sentence of its own after each finding.
  const withTry = (message: string) =>
    suggestion && suggestion !== name ? `${message} ${l10n.t('Try "{0}".', suggestion)}` : message;
  if (name.length > NAME_MAX)
    found.push({
      message: withTry(l10n.t('"name" is {0} characters long; the limit is {1}.', name.length, NAME_MAX)),
      refusedBy: NAME_FORM,
    });
  if (XML_TAG.test(name))
    found.push({ message: withTry(l10n.t('"name" cannot contain XML tags (< or >).')), refusedBy: API_ONLY });
  const bad = [...new Set(name.replace(/[a-z0-9-]/g, ''))];
  if (bad.length > 0) {
    const shown = formatList(
      bad.map((c) => (c === ' ' ? l10n.t('spaces') : `"${c}"`)),
      'unit',
    );
    found.push({
      message: withTry(l10n.t('"name" may hold only lowercase letters, digits and hyphens, not {0}.', shown)),
      refusedBy: NAME_FORM,
    });
  }
  if (name.startsWith('-') || name.endsWith('-'))
    found.push({ message: withTry(l10n.t('"name" cannot start or end with a hyphen.')), refusedBy: HYPHENS });
  if (name.includes('--'))
    found.push({ message: withTry(l10n.t('"name" cannot contain two hyphens in a row.')), refusedBy: HYPHENS });
  for (const word of RESERVED_WORDS) {
    if (name.toLowerCase().includes(word))
      found.push({
        message: withTry(l10n.t('"name" cannot contain the reserved word "{0}".', word)),
        refusedBy: API_ONLY,
      });
  }
  return found;
}

/** What is wrong with a `name`, each with what to do instead; empty when the API accepts it. */
export function nameProblems(name: string): string[] {
  return nameFindings(name).map((f) => f.message);
}

function descriptionFindings(description: string): Finding[] {
  const found: Finding[] = [];
  if (description.trim() === '')
    found.push({
      message: l10n.t('"description" is empty: say what the skill does and when Claude should use it.'),
      ...REQUIRED,
    });
  const length = characterCount(description);
  if (length > DESCRIPTION_MAX) {
    found.push({
      message: l10n.t(
        '"description" is {0} characters long; the limit is {1}. Shorten it by {2}.',
        length,
        DESCRIPTION_MAX,
        length - DESCRIPTION_MAX,
      ),
      refusedBy: ['api', 'agentskills', 'vscode'],
    });
  }
  if (XML_TAG.test(description))
    found.push({
      message: l10n.t('"description" cannot contain XML tags: remove every < and >.'),
      refusedBy: API_ONLY,
    });
  return found;
}

/** What is wrong with a `description`; empty when the API accepts it. */
export function descriptionProblems(description: string): string[] {
  return descriptionFindings(description).map((f) => f.message);
}

/**
 * The finding judged for `targets`: an error where one of them refuses, else advice. Checked for the
 * Skills API alone (a publish, the default), the message is today's; for more, a clause says who refuses
 * it, who takes it, and whose documentation does not say.
 */
function judged(finding: Finding, targets: readonly LintTarget[]) {
  const refusing = targets.filter((t) => finding.refusedBy.includes(t));
  const accepting = targets.filter((t) => !refusing.includes(t) && finding.acceptedBy?.includes(t));
  const silent = targets.filter((t) => !refusing.includes(t) && !accepting.includes(t));
  const parts = [finding.message];
  if (!(targets.length === 1 && targets[0] === 'api')) {
    const list = (of: readonly LintTarget[]) => targetList(of);
    if (refusing.length === 1) parts.push(capitalized(l10n.t('{0} refuses it.', list(refusing))));
    if (refusing.length > 1) parts.push(capitalized(l10n.t('{0} refuse it.', list(refusing))));
    if (accepting.length === 1) parts.push(capitalized(l10n.t('{0} takes it.', list(accepting))));
    if (accepting.length > 1) parts.push(capitalized(l10n.t('{0} take it.', list(accepting))));
    if (silent.length > 0) parts.push(l10n.t('The documentation of {0} does not say.', list(silent)));
  }
  return {
    severity: refusing.length > 0 ? ('error' as const) : ('warning' as const),
    message: parts.join(' '),
    targets: refusing.length > 0 ? refusing : targets,
  };
}

/**
 * A key some of `targets` do not know: an error where one refuses it (skills-ref), a warning where one may
 * (the API, UNVERIFIED) or warns (VS Code), or where it is a likely misspelling of a key they know; none
 * where the only ones that do not know it ignore it (Claude Code). The message starts with what the API says of it, then what each other target does, who takes it,
 * and the known key it is likely a misspelling of.
 */
export function unknownKeyProblem(
  key: string,
  targets: readonly LintTarget[],
):
  | { severity: SkillProblem['severity']; message: string; targets: LintTarget[]; close: string | undefined }
  | undefined {
  const takes = FRONTMATTER_KEYS[key]?.targets ?? [];
  const unknownTo = targets.filter((t) => !takes.includes(t));
  const refusing = unknownTo.filter((t) => t === 'agentskills');
  const warning = unknownTo.filter((t) => t === 'api' || t === 'vscode');
  const takers = targets.filter((t) => takes.includes(t));
  // A likely misspelling matters even where the key would be ignored: what the author meant does not happen.
  const close = takers.length === 0 ? closeKey(key, keysFor(targets)) : undefined;
  if (refusing.length === 0 && warning.length === 0 && !close) return undefined;
  const parts = [
    unknownTo.includes('api')
      ? l10n.t(
          'Unknown frontmatter key "{0}": the Skills API may ignore or refuse it. Known keys: {1}.',
          key,
          KNOWN_KEYS.join(', '),
        )
      : l10n.t('Unknown frontmatter key "{0}".', key),
  ];
  if (unknownTo.includes('agentskills'))
    parts.push(l10n.t("The Agent Skills format's validator (skills-ref) refuses it."));
  if (unknownTo.includes('vscode')) parts.push(l10n.t('VS Code warns on it.'));
  if (unknownTo.includes('claude-code')) parts.push(l10n.t('Claude Code ignores it.'));
  if (takers.length === 1) parts.push(capitalized(l10n.t('{0} takes it.', targetList(takers))));
  if (takers.length > 1) parts.push(capitalized(l10n.t('{0} take it.', targetList(takers))));
  const elsewhere = takes.filter((t) => !targets.includes(t));
  if (takers.length === 0 && elsewhere.length > 0) parts.push(l10n.t('It is a key of {0}.', targetList(elsewhere)));
  if (close) parts.push(l10n.t('Did you mean "{0}"?', close));
  return {
    severity: refusing.length > 0 ? 'error' : 'warning',
    message: parts.join(' '),
    targets: refusing.length > 0 ? refusing : close ? unknownTo : warning,
    close,
  };
}

/** The fixes that set `name` to `to`: its value replaced, and (offered apart) the folder renamed to match. */
function renameFixes(parsed: ParsedSkillMd, to: string, folderName: string | undefined): ProblemFix[] {
  const value = parsed.entries.get('name')?.value;
  if (!value || !to || nameProblems(to).length > 0) return [];
  const edits = [{ region: parsed.index.region(value.start, value.end), newText: to }];
  const fixes: ProblemFix[] = [{ title: l10n.t('Change "name" to "{0}"', to), edits }];
  if (folderName !== undefined && folderName !== to)
    fixes.push({
      title: l10n.t('Change "name" to "{0}" and rename the folder to match', to),
      edits,
      renameFolder: to,
    });
  return fixes;
}

/** Removing a key's whole entry, or renaming the key to the one it is likely a misspelling of. */
function keyFixes(parsed: ParsedSkillMd, key: string, close: string | undefined): ProblemFix[] {
  const entry = parsed.entries.get(key);
  if (!entry) return [];
  const fixes: ProblemFix[] = [];
  if (close && !parsed.entries.has(close))
    fixes.push({
      title: l10n.t('Rename "{0}" to "{1}"', key, close),
      edits: [{ region: parsed.index.region(entry.keyStart, entry.keyEnd), newText: close }],
    });
  const lineStart = parsed.index.lineStart(parsed.index.position(entry.keyStart).line);
  fixes.push({
    title: l10n.t('Remove "{0}"', key),
    edits: [{ region: parsed.index.region(lineStart, entry.end), newText: '' }],
  });
  return fixes;
}

export interface FrontmatterCheck {
  /** The consumers the folder is checked for; the Skills API alone by default. */
  targets?: readonly LintTarget[];
  /** The folder's own name, which the Agent Skills format wants `name` to be. */
  folderName?: string;
}

/**
 * Every rule the API enforces on the frontmatter, plus warnings for what it may not accept; each judged
 * for the consumers checked, with the fixes that are certain.
 */
export function validateFrontmatter(parsed: ParsedSkillMd, check: FrontmatterCheck = {}): SkillProblem[] {
  if (!parsed.data) return parsed.problems;
  const targets = check.targets ?? ['api'];
  const { data, keyLines, entries, index } = parsed;
  const problems: SkillProblem[] = [];
  const add = (rule: RuleId, key: string, { fixes, ...problem }: Omit<SkillProblem, 'rule' | 'file' | 'line'>) => {
    const entry = entries.get(key);
    const region = entry && index.region(entry.keyStart, entry.value?.end ?? entry.keyEnd);
    problems.push({
      rule,
      file: SKILL_MD,
      line: keyLines.get(key) ?? 1,
      ...(region ? { region } : {}),
      ...problem,
      ...(fixes && fixes.length > 0 ? { fixes } : {}),
    });
  };
  const addFindings = (rule: RuleId, key: string, findings: Finding[], fixes?: ProblemFix[]) => {
    for (const finding of findings) add(rule, key, { ...judged(finding, targets), fixes });
  };

  const { name, description } = data;
  if (name === undefined || name === null)
    addFindings('name', 'name', [
      {
        message: l10n.t(
          'The frontmatter has no "name": add one such as "name: my-skill" (lowercase letters, digits and hyphens).',
        ),
        ...REQUIRED,
      },
    ]);
  else if (typeof name !== 'string')
    addFindings('name', 'name', [
      {
        message: l10n.t('"name" must be text, such as "name: my-skill", not {0}.', describeValue(name)),
        refusedBy: NAME_FORM,
      },
    ]);
  else if (name === '')
    addFindings('name', 'name', [
      { message: l10n.t('"name" is empty: give the skill a name such as "my-skill".'), ...REQUIRED },
    ]);
  else {
    const findings = nameFindings(name);
    addFindings('name', 'name', findings, renameFixes(parsed, suggestName(name), check.folderName));
    const folderName = check.folderName;
    // The specification's rule, checked only for it: the Skills API names the upload's folder by `name`.
    if (findings.length === 0 && targets.includes('agentskills') && folderName !== undefined && folderName !== name)
      addFindings(
        'name-folder',
        'name',
        [
          {
            message: l10n.t(
              '"name" is "{0}", but the folder is "{1}": the Agent Skills specification wants them the same.',
              name,
              folderName,
            ),
            refusedBy: ['agentskills'],
          },
        ],
        renameFixes(parsed, folderName, undefined).concat({
          title: l10n.t('Rename the folder to "{0}"', name),
          renameFolder: name,
        }),
      );
  }

  if (description === undefined || description === null)
    addFindings('description', 'description', [
      {
        message: l10n.t(
          'The frontmatter has no "description": add one that says what the skill does and when Claude should use it.',
        ),
        ...REQUIRED,
      },
    ]);
  else if (typeof description !== 'string')
    addFindings('description', 'description', [
      {
        message: l10n.t('"description" must be text, not {0}.', describeValue(description)),
        refusedBy: REQUIRED.refusedBy,
      },
    ]);
  else addFindings('description', 'description', descriptionFindings(description));

  const { compatibility, metadata } = data;
  if (typeof compatibility === 'string' && characterCount(compatibility) > COMPATIBILITY_MAX) {
    const refused = targets.includes('agentskills');
    add('compatibility', 'compatibility', {
      severity: refused ? 'error' : 'warning',
      message: refused
        ? l10n.t(
            '"compatibility" is {0} characters long; the Agent Skills format allows {1}. Its validator (skills-ref) refuses it.',
            characterCount(compatibility),
            COMPATIBILITY_MAX,
          )
        : l10n.t(
            '"compatibility" is {0} characters long; the Agent Skills format allows {1}.',
            characterCount(compatibility),
            COMPATIBILITY_MAX,
          ),
      targets: refused ? ['agentskills'] : targets,
    });
  }
  if (metadata !== undefined && !isStringMap(metadata)) {
    add('metadata', 'metadata', {
      severity: 'warning',
      message: l10n.t('"metadata" should map keys to text values, such as "metadata:" then "  author: me".'),
      targets: targets.filter((t) => t !== 'vscode'),
    });
  }
  for (const key of Object.keys(data)) {
    const problem = unknownKeyProblem(key, targets);
    if (problem)
      add('unknown-key', key, {
        severity: problem.severity,
        message: problem.message,
        targets: problem.targets,
        fixes: keyFixes(parsed, key, problem.close),
      });
  }
  return problems;
}

function isStringMap(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return l10n.t('a list');
  if (typeof value === 'object') return l10n.t('a mapping');
  if (typeof value === 'number') return l10n.t('the number {0}', String(value));
  if (typeof value === 'boolean') return l10n.t('the boolean {0}', String(value));
  return String(value);
}
