// What an eval runs as "the skill": the folder's current files as its eval draft (checked as a publish
// checks them: validation, secrets, the excludes; `evals/` never goes up), or a published version the
// author picked. Either way, the folder names its SKILL.md may sit under in the container, for trigger
// detection. No `vscode` import: the CLI runs it too.
import * as l10n from '@vscode/l10n';
import type { SkillAttachment } from '../api/messagesClient';
import { prepareEvalDraft, type DraftClient, type EvalDraft } from '../operations/evalDrafts';
import type { ReadArchive } from '../operations/publish';
import type { SlugMemory } from '../operations/skillLookup';
import { formatProblem } from '../skill/problems';
import { inspectSkillFolder, readUploadFiles } from '../skill/skillFolder';
import type { EvalSubject } from './evalRun';

export interface DraftSubjectOptions {
  /** `claudeSkills.exclude`, as a publish takes it. */
  exclude?: readonly string[];
  /** The folder's skill title: its published skill's display name, else its name. */
  title?: string;
  readArchive: ReadArchive;
  slugs: SlugMemory;
  signal?: AbortSignal;
}

/** The folder's eval draft, made or updated; an error that says what to fix when the folder cannot go up. */
export async function draftSubject(
  client: DraftClient,
  folder: string,
  options: DraftSubjectOptions,
): Promise<{ subject: EvalSubject; draft: EvalDraft }> {
  const skill = await inspectSkillFolder(folder, { exclude: options.exclude, scanContents: true });
  const errors = skill.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !skill.name) {
    const first = errors[0] ? formatProblem(errors[0]) : l10n.t('SKILL.md has no valid name.');
    const more = errors.length > 1 ? l10n.t(' (and {0} more: Validate Skill lists them)', errors.length - 1) : '';
    throw new Error(l10n.t('The folder cannot run as an eval draft until it would publish: {0}{1}', first, more));
  }
  const files = await readUploadFiles(skill);
  const draft = await prepareEvalDraft(
    client,
    { title: options.title ?? skill.name, slug: skill.name, files },
    { readArchive: options.readArchive, slugs: options.slugs, signal: options.signal },
  );
  const attachment: SkillAttachment = { type: 'custom', skill_id: draft.skill.id, version: draft.versionId };
  return {
    subject: { attachment, directories: [draft.slug], renamed: draft.renamed, description: skill.description },
    draft,
  };
}
