// Try in Claude…: a Messages API run with one skill attached (a skill row: its latest version; a version
// row: that version; a published Workspace Skills row: its skill's latest; the palette: picks), on a model
// picked from GET /v1/models (or claudeSkills.tryModel), with a prompt remembered per skill. The answer
// streams into a read-only run document opened beside; the files the run made are fetched after it.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import type { FilesClient } from '../api/filesClient';
import type { MessagesClient } from '../api/messagesClient';
import { collectAll } from '../api/paging';
import { CodeExecutionTools, runSkillWithFiles } from '../operations/skillRun';
import type { Skill } from '../api/types';
import { keyHint, type ApiKeyStore } from '../auth/apiKeyStore';
import { CommandIds, ContextKeys, StateKeys, WorkbenchCommands, setContext } from '../constants';
import { tryMaxTokensSetting, tryModel, tryTurnTimeoutMinutes } from '../config';
import type { Log } from '../log';
import type { RunFileSystem } from '../documents/runFileSystem';
import type { RunView } from '../runs/runMarkdown';
import type { SkillNode, VersionNode } from '../tree/nodes';
import { containerSkillType, skillPickItem, skillTitle, versionPickItems } from '../tree/present';
import type { WorkspaceSkillNode } from '../tree/workspaceSkillsProvider';
import { chooseModel } from '../ui/modelChoice';
import { tryMaxTokens } from '../runs/modelPicks';
import { billingNotice, rememberPrompt, runOutcomeMessage } from './plans/tryPlan';
import { withCancellableProgress } from './support/cancellation';
import { plural } from '../shared/words';
import { SHOW_LOG } from './support/messages';

/** For automation and tests, after the arguments VS Code passes: the answers, instead of asking. */
export interface TrySkillOptions {
  model?: string;
  prompt?: string;
  /** The billing notice taken as read. */
  acceptBilling?: boolean;
}

export interface TrySkillDeps {
  client: Pick<SkillsClient, 'skillPages' | 'versionPages' | 'modelPages' | 'getSkill'>;
  messages: Pick<MessagesClient, 'streamMessage'>;
  files: Pick<FilesClient, 'getFile' | 'downloadFile'>;
  runs: Pick<RunFileSystem, 'create' | 'update' | 'flush'>;
  keyStore: Pick<ApiKeyStore, 'get'>;
  /** `globalState`: prompts and the last model outlive a workspace. */
  state: vscode.Memento;
  log: Pick<Log, 'show'>;
}

interface TryTarget {
  skill: Skill;
  /** A version id, or `latest`. */
  version: string;
}

const RUN = vscode.l10n.t('Run');
const RUN_QUIETLY = vscode.l10n.t("Run, Don't Ask Again This Session");
const OPEN_PREVIEW = vscode.l10n.t('Open Preview');
const SAVE_FILES = vscode.l10n.t('Save Run Files…');

type TryArg = SkillNode | VersionNode | WorkspaceSkillNode | undefined;

async function targetOf(arg: TryArg, client: TrySkillDeps['client']): Promise<TryTarget | undefined> {
  if (arg?.kind === 'skill') return { skill: arg.skill, version: 'latest' };
  if (arg?.kind === 'version') return { skill: arg.skill, version: arg.version.id };
  if (arg?.kind === 'workspaceSkill') {
    const { targetId, skill, name } = arg.row;
    if (!targetId)
      throw new Error(vscode.l10n.t('{0} has not been published from this workspace: publish it, then try it.', name));
    return { skill: skill ?? (await client.getSkill(targetId)), version: 'latest' };
  }
  const skills = collectAll(client.skillPages({ limit: 1000 })).then((all) => {
    if (all.length === 0)
      throw new Error(vscode.l10n.t('There is no skill to try: publish a folder with a SKILL.md first.'));
    return all.map((skill) => ({ ...skillPickItem(skill, undefined, vscode.env.language), skill }));
  });
  const skill = (
    await vscode.window.showQuickPick(skills, {
      title: vscode.l10n.t('Try in Claude (1/4): skill'),
      matchOnDescription: true,
    })
  )?.skill;
  if (!skill) return undefined;
  const versions = collectAll(client.versionPages(skill.id, { limit: 1000 })).then((all) => [
    {
      label: vscode.l10n.t('Latest version'),
      description: vscode.l10n.t('whatever is newest when the request runs'),
      version: 'latest',
    },
    ...versionPickItems(skill, all, vscode.env.language).map((item) => ({ ...item, version: item.version.id })),
  ]);
  const picked = await vscode.window.showQuickPick(versions, { title: vscode.l10n.t('Try in Claude (2/4): version') });
  return picked && { skill, version: picked.version };
}

async function askPrompt(deps: TrySkillDeps, skill: Skill, given: string | undefined): Promise<string | undefined> {
  const prompts = deps.state.get<Record<string, string>>(StateKeys.tryPrompts, {});
  const prompt =
    given ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Try in Claude (4/4): prompt for "{0}"', skillTitle(skill)),
      prompt: vscode.l10n.t('What to ask Claude with this skill attached (and the code execution tool).'),
      value: prompts[skill.id] ?? '',
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter a prompt.')),
    }));
  if (!prompt?.trim()) return undefined;
  await deps.state.update(StateKeys.tryPrompts, rememberPrompt(prompts, skill.id, prompt));
  return prompt;
}

export function trySkill(deps: TrySkillDeps) {
  let billingAcknowledged = false;
  // Which code execution tool each model took, for the rest of the session.
  const tools = new CodeExecutionTools();
  return async (arg?: TryArg, _selected?: unknown, options: TrySkillOptions = {}): Promise<vscode.Uri | undefined> => {
    const target = await targetOf(arg, deps.client);
    if (!target) return undefined;
    const model = await chooseModel(deps, options.model ?? tryModel(), 'Try in Claude (3/4): model');
    if (!model) return undefined;
    const prompt = await askPrompt(deps, target.skill, options.prompt);
    if (prompt === undefined) return undefined;
    const maxTokens = tryMaxTokens(tryMaxTokensSetting(), model.info);
    const title = skillTitle(target.skill);

    if (!billingAcknowledged && !options.acceptBilling) {
      const key = await deps.keyStore.get();
      const choice = await vscode.window.showInformationMessage(
        billingNotice(model.id, maxTokens, title, key ? keyHint(key.key) : 'none set'),
        { modal: true },
        RUN,
        RUN_QUIETLY,
      );
      if (!choice) return undefined;
      if (choice === RUN_QUIETLY) billingAcknowledged = true;
    }

    const view: RunView = {
      title,
      prompt,
      model: model.id,
      maxTokens,
      skillId: target.skill.id,
      askedVersion: target.version,
      turns: [],
    };
    const slug =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'skill';
    const uri = deps.runs.create(view, `${slug}-try`);
    // Beside the editor in use, if any: the skill's files stay in view as the answer streams in.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });

    const turnMinutes = tryTurnTimeoutMinutes();
    const outcome = await withCancellableProgress(
      vscode.l10n.t('Trying "{0}" in Claude', title),
      undefined,
      async (progress, signal) => {
        progress.report({ message: vscode.l10n.t('each turn may take up to {0}', plural(turnMinutes, 'minute')) });
        const input = {
          model: model.id,
          maxTokens,
          prompt,
          skill: { type: containerSkillType(target.skill.source), skill_id: target.skill.id, version: target.version },
          turnBound: { maxDurationMs: turnMinutes * 60_000, durationNote: 'claudeSkills.tryTurnTimeoutMinutes' },
        };
        const result = await runSkillWithFiles(
          { messages: deps.messages, files: deps.files, tools },
          input,
          {
            onTurns: (turns) => deps.runs.update(uri, (v) => ({ ...v, turns })),
            onEnded: (ended, fileIds) => {
              deps.runs.update(uri, (v) => ({
                ...v,
                turns: ended.turns,
                ended: { error: ended.error, pausedAtLimit: ended.pausedAtLimit, tool: ended.tool },
                fetchingFiles: fileIds.length > 0 ? fileIds.length : undefined,
              }));
              if (fileIds.length > 0)
                progress.report({ message: vscode.l10n.t('fetching {0}', plural(fileIds.length, 'file')) });
            },
          },
          signal,
        );
        deps.runs.update(uri, (v) => ({ ...v, files: result.files, fetchingFiles: undefined }));
        deps.runs.flush(uri);
        const fetched = result.files.filter((f) => f.data).length;
        return { error: result.error, stopReason: result.turns.at(-1)?.message?.stop_reason, files: fetched };
      },
    );

    if (!outcome.error) void setContext(vscode.commands, ContextKeys.hasTried, true);
    const { text, severity } = runOutcomeMessage(title, outcome);
    const actions = severity === 'error' ? [SHOW_LOG] : [OPEN_PREVIEW, ...(outcome.files ? [SAVE_FILES] : [])];
    const shown =
      severity === 'error'
        ? vscode.window.showErrorMessage(text, ...actions)
        : vscode.window.showInformationMessage(text, ...actions);
    void shown.then((choice) => {
      if (choice === SHOW_LOG) deps.log.show();
      if (choice === OPEN_PREVIEW) void vscode.commands.executeCommand(WorkbenchCommands.markdownPreviewToSide, uri);
      if (choice === SAVE_FILES) void vscode.commands.executeCommand(CommandIds.saveRunFiles, uri);
    });
    return uri;
  };
}
