// Every command of the extension, registered from one list behind the shared wrapper (a cancel is quiet,
// an error logged with its request id and shown once). Each command gets the narrow services it uses.
import type * as vscode from 'vscode';
import { CommandIds, InternalCommandIds, type CommandId } from '../constants';
import type { Services } from '../services';
import type { SkillsTreeNode } from '../tree/nodes';
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
import { installInClaudeCode } from './installInClaudeCode';
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

/** What a publish, a validation and a package of a folder share. */
const publishDeps = (s: Services) => ({
  client: s.client,
  slugs: s.slugs,
  model: s.model,
  folders: s.folders,
  targets: s.targets,
  diagnostics: s.authoring.diagnostics,
  log: s.log,
  reveal: (node: SkillsTreeNode) => s.view.reveal(node),
});

/** Every command, in the manifest's order of features: its id and how it is made from the services. */
const COMMANDS: readonly [CommandId, (s: Services) => (...args: never[]) => unknown][] = [
  [CommandIds.refresh, (s) => refresh(s.model, s.workspaceSkills)],
  [InternalCommandIds.loadMore, (s) => loadMore(s.model)],
  [InternalCommandIds.renameSkillFolder, (s) => renameSkillFolder({ targets: s.targets })],
  [CommandIds.setApiKey, (s) => setApiKey({ keyStore: s.keyStore, clientWithKey: s.clientWithKey })],
  [CommandIds.clearApiKey, (s) => clearApiKey(s.keyStore)],
  [CommandIds.showLog, (s) => showLog(s.log)],
  [CommandIds.filter, (s) => filterSkills({ model: s.model, view: s.view })],
  [CommandIds.clearFilter, (s) => clearFilter(s.view)],
  [CommandIds.copyId, () => copyId()],
  [CommandIds.copyMessagesSnippet, () => copyMessagesSnippet()],
  [CommandIds.publishNewVersion, (s) => publishNewVersion(publishDeps(s))],
  [CommandIds.publishNewSkill, (s) => publishNewSkill(publishDeps(s))],
  [CommandIds.forgetPublishTarget, (s) => forgetPublishTarget(publishDeps(s))],
  [CommandIds.validateSkill, (s) => validateSkill(publishDeps(s))],
  [CommandIds.packageSkill, (s) => packageSkill(publishDeps(s))],
  [CommandIds.deleteVersion, (s) => deleteVersion(s)],
  [CommandIds.deleteSkill, (s) => deleteSkill(s)],
  [CommandIds.openVersion, (s) => openVersion(s)],
  [CommandIds.downloadVersion, (s) => downloadVersion(s)],
  [CommandIds.installInClaudeCode, (s) => installInClaudeCode(s)],
  [CommandIds.compareWithLocal, (s) => compareWithLocal(s)],
  [CommandIds.newSkill, () => newSkill()],
  [CommandIds.revealSkillFolder, () => revealSkillFolder()],
  [CommandIds.openSkillMd, () => openSkillMd()],
  [CommandIds.compareVersions, (s) => compareVersions(s)],
  [CommandIds.restoreVersion, (s) => restoreVersion(s)],
  [CommandIds.trySkill, (s) => trySkill({ ...s, ...s.tryClients })],
  [CommandIds.saveRunFiles, (s) => saveRunFiles(s)],
  [CommandIds.createEvals, (s) => createEvals(s)],
  [CommandIds.showEvalReport, (s) => showEvalReport(s.evals)],
  [CommandIds.deleteEvalDrafts, (s) => deleteEvalDrafts(s)],
  [CommandIds.compareWithPublished, (s) => compareWithPublished(s)],
];

export function registerCommands(services: Services): vscode.Disposable[] {
  return COMMANDS.map(([id, make]) => registerCommand(id, make(services), services.log));
}
