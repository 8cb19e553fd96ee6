// Every command of the extension, registered from one list behind the shared wrapper (a cancel is quiet,
// an error logged with its request id and shown once). Each command gets the narrow services it uses.
import type * as vscode from 'vscode';
import type { ApiCore } from '../api/apiCore';
import type { SkillsClient } from '../api/client';
import { FilesClient } from '../api/filesClient';
import { MessagesClient } from '../api/messagesClient';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { CommandIds, InternalCommandIds, type CommandId } from '../constants';
import type { Log } from '../log';
import type { SkillSlugs } from '../workspace/skillSlugs';
import type { RunFileSystem } from '../runs/runFileSystem';
import type { EvalTesting } from '../testing/evalTesting';
import type { SkillsTreeNode } from '../tree/nodes';
import type { SkillsModel } from '../tree/skillsModel';
import type { SkillsView } from '../tree/skillsView';
import type { PublishTargets } from '../workspace/publishTargets';
import type { SkillDiagnostics } from '../workspace/skillDiagnostics';
import type { SkillFolderWatcher } from '../workspace/skillFolderWatcher';
import type { VersionFileSystem } from '../workspace/versionFileSystem';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';
import { clearApiKey } from './clearApiKey';
import { clearFilter } from './clearFilter';
import { compareVersions } from './compareVersions';
import { compareWithLocal } from './compareWithLocal';
import { compareWithPublished } from './compareWithPublished';
import { copyId } from './copyId';
import { copyMessagesSnippet } from './copyMessagesSnippet';
import { createEvals } from './createEvals';
import { deleteEvalDrafts } from './deleteEvalDrafts';
import { deleteSkill } from './deleteSkill';
import { deleteVersion } from './deleteVersion';
import { downloadVersion } from './downloadVersion';
import { filterSkills } from './filterSkills';
import { forgetPublishTarget } from './forgetPublishTarget';
import { loadMore } from './loadMore';
import { newSkill } from './newSkill';
import { openSkillMd } from './openSkillMd';
import { openVersion } from './openVersion';
import { packageSkill } from './packageSkill';
import { publishNewSkill } from './publishNewSkill';
import { publishNewVersion } from './publishNewVersion';
import { refresh } from './refresh';
import { renameSkillFolder } from './renameSkillFolder';
import { restoreVersion } from './restoreVersion';
import { revealSkillFolder } from './revealSkillFolder';
import { saveRunFiles } from './saveRunFiles';
import { setApiKey } from './setApiKey';
import { showEvalReport } from './showEvalReport';
import { showLog } from './showLog';
import { registerCommand } from './support/commandWrapper';
import { trySkill } from './trySkill';
import { validateSkill } from './validateSkill';

/** The services activate() builds once, which the commands share. */
export interface CommandServices {
  /** The request core of the stored key, for the Messages and Files APIs of a try. */
  core: ApiCore;
  client: SkillsClient;
  /** A client for a key being checked before it is stored. */
  clientWithKey: (key: string) => SkillsClient;
  keyStore: ApiKeyStore;
  model: SkillsModel;
  view: SkillsView;
  folders: SkillFolderWatcher;
  targets: PublishTargets;
  slugs: SkillSlugs;
  diagnostics: SkillDiagnostics;
  workspaceSkills: WorkspaceSkills;
  versionFiles: VersionFileSystem;
  runs: RunFileSystem;
  evals: EvalTesting;
  /** `globalState`: what outlives a workspace (prompts, the last model). */
  state: vscode.Memento;
  log: Log;
}

export function registerCommands(s: CommandServices): vscode.Disposable[] {
  const { client, model, view, folders, targets, workspaceSkills, versionFiles, runs, log } = s;
  const publishDeps = {
    client,
    slugs: s.slugs,
    model,
    folders,
    targets,
    diagnostics: s.diagnostics,
    log,
    reveal: (node: SkillsTreeNode) => view.reveal(node),
  };
  const commands: [CommandId, (...args: never[]) => unknown][] = [
    [CommandIds.refresh, refresh(model, workspaceSkills)],
    [InternalCommandIds.loadMore, loadMore(model)],
    [InternalCommandIds.renameSkillFolder, renameSkillFolder({ targets })],
    [CommandIds.setApiKey, setApiKey({ keyStore: s.keyStore, clientWithKey: s.clientWithKey })],
    [CommandIds.clearApiKey, clearApiKey(s.keyStore)],
    [CommandIds.showLog, showLog(log)],
    [CommandIds.filter, filterSkills({ model, view })],
    [CommandIds.clearFilter, clearFilter(view)],
    [CommandIds.copyId, copyId()],
    [CommandIds.copyMessagesSnippet, copyMessagesSnippet()],
    [CommandIds.publishNewVersion, publishNewVersion(publishDeps)],
    [CommandIds.publishNewSkill, publishNewSkill(publishDeps)],
    [CommandIds.forgetPublishTarget, forgetPublishTarget(publishDeps)],
    [CommandIds.validateSkill, validateSkill(publishDeps)],
    [CommandIds.packageSkill, packageSkill(publishDeps)],
    [CommandIds.deleteVersion, deleteVersion({ client, model, log })],
    [CommandIds.deleteSkill, deleteSkill({ client, model, log })],
    [CommandIds.openVersion, openVersion({ versionFiles })],
    [CommandIds.downloadVersion, downloadVersion({ versionFiles })],
    [CommandIds.compareWithLocal, compareWithLocal({ versionFiles, folders, targets })],
    [CommandIds.newSkill, newSkill()],
    [CommandIds.revealSkillFolder, revealSkillFolder()],
    [CommandIds.openSkillMd, openSkillMd()],
    [CommandIds.compareVersions, compareVersions({ client, versionFiles })],
    [CommandIds.restoreVersion, restoreVersion({ client, versionFiles, model })],
    [
      CommandIds.trySkill,
      trySkill({
        client,
        messages: new MessagesClient(s.core),
        files: new FilesClient(s.core),
        runs,
        keyStore: s.keyStore,
        state: s.state,
        log,
      }),
    ],
    [CommandIds.saveRunFiles, saveRunFiles({ runs })],
    [CommandIds.createEvals, createEvals({ folders, workspaceSkills })],
    [CommandIds.showEvalReport, showEvalReport({ tests: s.evals.tests, runs: s.evals.runs })],
    [CommandIds.deleteEvalDrafts, deleteEvalDrafts({ client, workspaceSkills, slugs: s.slugs, model })],
    [
      CommandIds.compareWithPublished,
      compareWithPublished({ client, versionFiles, folders, targets, workspaceSkills }),
    ],
  ];
  return commands.map(([id, handler]) => registerCommand(id, handler, log));
}
