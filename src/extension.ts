// Wiring only: the log, the key store, the client, the view and the commands.
import * as vscode from 'vscode';
import { ApiCore, type RequestLogEntry } from './api/apiCore';
import { SkillsClient } from './api/client';
import { FilesClient } from './api/filesClient';
import { MessagesClient } from './api/messagesClient';
import { ApiKeyStore } from './auth/apiKeyStore';
import { clearApiKey } from './commands/clearApiKey';
import { clearFilter } from './commands/clearFilter';
import { compareWithLocal } from './commands/compareWithLocal';
import { compareWithPublished } from './commands/compareWithPublished';
import { compareVersions } from './commands/compareVersions';
import { createEvals } from './commands/createEvals';
import { deleteEvalDrafts } from './commands/deleteEvalDrafts';
import { showEvalReport } from './commands/showEvalReport';
import { registerEvalTesting, type EvalTesting } from './testing/evalTesting';
import { restoreVersion } from './commands/restoreVersion';
import { saveRunFiles } from './commands/saveRunFiles';
import { copyId } from './commands/copyId';
import { copyMessagesSnippet } from './commands/copyMessagesSnippet';
import { deleteSkill } from './commands/deleteSkill';
import { deleteVersion } from './commands/deleteVersion';
import { downloadVersion } from './commands/downloadVersion';
import { filterSkills } from './commands/filterSkills';
import { forgetPublishTarget } from './commands/forgetPublishTarget';
import { CommandIds, InternalCommandIds, SettingIds } from './constants';
import { loadMore } from './commands/loadMore';
import { newSkill } from './commands/newSkill';
import { openSkillMd } from './commands/openSkillMd';
import { revealSkillFolder } from './commands/revealSkillFolder';
import { openVersion } from './commands/openVersion';
import { packageSkill } from './commands/packageSkill';
import { publishNewSkill } from './commands/publishNewSkill';
import { publishNewVersion } from './commands/publishNewVersion';
import { refresh } from './commands/refresh';
import { registerCommand } from './commands/support/commandWrapper';
import { setApiKey } from './commands/setApiKey';
import { showLog } from './commands/showLog';
import { trySkill } from './commands/trySkill';
import { validateSkill } from './commands/validateSkill';
import { apiBaseUrl, pageSize, requestTimeoutMs, sources, workspaceId } from './config';
import { createLog, logRequest } from './log';
import type { SkillsTreeNode } from './tree/nodes';
import { SkillsModel } from './tree/skillsModel';
import { RUN_SCHEME, RunFileSystem } from './runs/runFileSystem';
import { SkillsTreeProvider } from './tree/skillsTreeProvider';
import { SkillsView } from './tree/skillsView';
import { WorkspaceSkillsView } from './tree/workspaceSkillsView';
import { PublishTargets } from './workspace/publishTargets';
import { SkillDiagnostics } from './workspace/skillDiagnostics';
import { TriggerCollisions } from './workspace/triggerCollisions';
import { SkillFolderDecorations } from './workspace/skillFolderDecorations';
import { SkillFolderWatcher } from './workspace/skillFolderWatcher';
import { VERSION_SCHEME, VersionFileSystem } from './workspace/versionFileSystem';
import { WorkspaceSkills } from './workspace/workspaceSkills';
import { SkillSlugs } from './workspace/skillSlugs';
import { SkillNameMatches } from './operations/skillNameMatches';
import { skillModule } from './skillModule';

/** What activate() returns: handles for the host tests, not a public API. */
export interface ClaudeSkillsExports {
  keyStore: ApiKeyStore;
  model: SkillsModel;
  tree: SkillsTreeProvider;
  view: SkillsView;
  folders: SkillFolderWatcher;
  targets: PublishTargets;
  workspaceSkills: WorkspaceSkills;
  workspaceView: WorkspaceSkillsView;
  decorations: SkillFolderDecorations;
  runs: RunFileSystem;
  evals: EvalTesting;
  collisions: TriggerCollisions;
  /** The extension's log folder: its output channel's file is beside it, for the tests that read the log. */
  logUri: vscode.Uri;
  /** How many files were read to be hashed so far: the tests count them. */
  filesHashed: () => number;
  /** The workspace's stored state: the tests leave in it what another version or a hand edit may. */
  workspaceState: vscode.Memento;
  /** How long activate() took, in ms: the benchmark reads it. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ClaudeSkillsExports {
  const started = performance.now();
  const log = createLog();
  const keyStore = new ApiKeyStore(context.secrets);
  // VS Code's global fetch carries the user's proxy, PAC and certificate settings.
  const apiOptions = (apiKey: () => Promise<string | undefined>) => ({
    transport: { fetch: globalThis.fetch },
    baseUrl: apiBaseUrl,
    apiKey,
    workspaceId,
    timeoutMs: requestTimeoutMs,
    onRequest: (entry: RequestLogEntry) => logRequest(log, entry),
  });
  // One core for the Skills, Messages and Files APIs: the same key, base URL, headers and log.
  const core = new ApiCore(apiOptions(async () => (await keyStore.get())?.key));
  const client = new SkillsClient(core);
  const runs = new RunFileSystem();
  const targets = new PublishTargets(context.workspaceState);
  const slugs = new SkillSlugs(context.globalState, () => `${apiBaseUrl()} ${workspaceId() ?? ''}`);
  const model = new SkillsModel({
    client,
    pageSize,
    sources,
    publishedFrom: (id) =>
      targets.foldersOf(id).map((folder) => vscode.workspace.asRelativePath(vscode.Uri.parse(folder), false)),
  });
  const tree = new SkillsTreeProvider({ model, keyStore, pageSize, workspaceId });
  const view = new SkillsView(tree, model, keyStore, context.workspaceState, log, workspaceId);
  const folders = new SkillFolderWatcher();
  const diagnostics = new SkillDiagnostics(log);
  const collisions = new TriggerCollisions(folders, log);
  const versionFiles = new VersionFileSystem(client);
  const workspaceSkills = new WorkspaceSkills({
    folders,
    targets,
    client,
    nameMatches: new SkillNameMatches({ client, slugs }),
    loadedSkill: (id) => model.loadedSkill(id),
    onDidLoadSkills: model.onDidChange,
    log,
  });
  const workspaceView = new WorkspaceSkillsView(workspaceSkills);
  // Evals share the key and the log, but leave 429/529 to their own limiter, which pauses every request.
  const evalCore = new ApiCore({ ...apiOptions(async () => (await keyStore.get())?.key), retry: { maxRetries: 0 } });
  const evals = registerEvalTesting(folders, {
    client,
    evalClients: { messages: new MessagesClient(evalCore), files: new FilesClient(evalCore) },
    keyStore,
    state: context.globalState,
    workspaceSkills,
    slugs,
    log,
  });
  const decorations = new SkillFolderDecorations(workspaceSkills, folders, targets);
  const publishDeps = {
    client,
    slugs,
    model,
    folders,
    targets,
    diagnostics,
    log,
    reveal: (node: SkillsTreeNode) => view.reveal(node),
  };

  context.subscriptions.push(
    log,
    model,
    view,
    folders,
    targets,
    workspaceSkills,
    workspaceView,
    evals.disposable,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    diagnostics,
    collisions,
    versionFiles,
    vscode.workspace.registerFileSystemProvider(VERSION_SCHEME, versionFiles, {
      isReadonly: true,
      isCaseSensitive: true,
    }),
    runs,
    vscode.workspace.registerFileSystemProvider(RUN_SCHEME, runs, { isReadonly: true, isCaseSensitive: true }),
    keyStore.onDidChange(() => {
      void view.updateKeyState();
      void model.refresh();
      workspaceView.accountChanged();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (Object.values(SettingIds).some((id) => e.affectsConfiguration(id))) {
        view.describe();
        void model.refresh();
      }
      if ([SettingIds.apiBaseUrl, SettingIds.workspaceId].some((id) => e.affectsConfiguration(id))) {
        workspaceView.accountChanged();
      }
    }),
    registerCommand(CommandIds.refresh, refresh(model, workspaceSkills), log),
    registerCommand(InternalCommandIds.loadMore, loadMore(model), log),
    registerCommand(
      CommandIds.setApiKey,
      setApiKey({ keyStore, clientWithKey: (key) => new SkillsClient(apiOptions(async () => key)) }),
      log,
    ),
    registerCommand(CommandIds.clearApiKey, clearApiKey(keyStore), log),
    registerCommand(CommandIds.showLog, showLog(log), log),
    registerCommand(CommandIds.filter, filterSkills({ model, view }), log),
    registerCommand(CommandIds.clearFilter, clearFilter(view), log),
    registerCommand(CommandIds.copyId, copyId(), log),
    registerCommand(CommandIds.copyMessagesSnippet, copyMessagesSnippet(), log),
    registerCommand(CommandIds.publishNewVersion, publishNewVersion(publishDeps), log),
    registerCommand(CommandIds.publishNewSkill, publishNewSkill(publishDeps), log),
    registerCommand(CommandIds.forgetPublishTarget, forgetPublishTarget(publishDeps), log),
    registerCommand(CommandIds.validateSkill, validateSkill(publishDeps), log),
    registerCommand(CommandIds.packageSkill, packageSkill(publishDeps), log),
    registerCommand(CommandIds.deleteVersion, deleteVersion({ client, model, log }), log),
    registerCommand(CommandIds.deleteSkill, deleteSkill({ client, model, log }), log),
    registerCommand(CommandIds.openVersion, openVersion({ versionFiles }), log),
    registerCommand(CommandIds.downloadVersion, downloadVersion({ versionFiles }), log),
    registerCommand(CommandIds.compareWithLocal, compareWithLocal({ versionFiles, folders, targets }), log),
    registerCommand(CommandIds.newSkill, newSkill(), log),
    registerCommand(CommandIds.revealSkillFolder, revealSkillFolder(), log),
    registerCommand(CommandIds.openSkillMd, openSkillMd(), log),
    registerCommand(CommandIds.compareVersions, compareVersions({ client, versionFiles }), log),
    registerCommand(CommandIds.restoreVersion, restoreVersion({ client, versionFiles, model }), log),
    registerCommand(
      CommandIds.trySkill,
      trySkill({
        client,
        messages: new MessagesClient(core),
        files: new FilesClient(core),
        runs,
        keyStore,
        state: context.globalState,
        log,
      }),
      log,
    ),
    registerCommand(CommandIds.saveRunFiles, saveRunFiles({ runs }), log),
    registerCommand(CommandIds.createEvals, createEvals({ folders, workspaceSkills }), log),
    registerCommand(CommandIds.showEvalReport, showEvalReport({ tests: evals.tests, runs: evals.runs }), log),
    registerCommand(CommandIds.deleteEvalDrafts, deleteEvalDrafts({ client, workspaceSkills, slugs, model }), log),
    registerCommand(
      CommandIds.compareWithPublished,
      compareWithPublished({ client, versionFiles, folders, targets, workspaceSkills }),
      log,
    ),
  );
  return {
    keyStore,
    model,
    tree,
    view,
    folders,
    targets,
    workspaceSkills,
    workspaceView,
    decorations,
    runs,
    evals,
    collisions,
    logUri: context.logUri,
    filesHashed: () => skillModule().filesHashed(),
    workspaceState: context.workspaceState,
    activationMs: performance.now() - started,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
