// Wiring only: the log, the key store, the client, the view and the commands.
import * as vscode from 'vscode';
import { ApiCore, type RequestLogEntry } from './api/apiCore';
import { SkillsClient } from './api/client';
import { FilesClient } from './api/filesClient';
import { MessagesClient } from './api/messagesClient';
import { ApiKeyStore } from './auth/apiKeyStore';
import { registerEvalTesting, type EvalTesting } from './testing/evalTesting';
import { SettingIds } from './constants';
import { registerCommands } from './commands/registerCommands';
import { apiBaseUrl, pageSize, requestTimeoutMs, sources, workspaceId } from './config';
import { createLog, logRequest } from './log';
import { SkillsModel } from './tree/skillsModel';
import { RUN_SCHEME, RunFileSystem } from './runs/runFileSystem';
import { SkillsTreeProvider } from './tree/skillsTreeProvider';
import { SkillsView } from './tree/skillsView';
import { WorkspaceSkillsView } from './tree/workspaceSkillsView';
import { PublishTargets } from './workspace/publishTargets';
import { registerAuthoringChecks, type AuthoringChecks } from './workspace/authoringChecks';
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
  collisions: AuthoringChecks['collisions'];
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
  const storedKey = async () => (await keyStore.get())?.key;
  const core = new ApiCore(apiOptions(storedKey));
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
  const authoring = registerAuthoringChecks(folders, log, context.extensionUri);
  const { diagnostics, collisions } = authoring;
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
  const evalCore = new ApiCore({ ...apiOptions(storedKey), retry: { maxRetries: 0 } });
  const evals = registerEvalTesting(
    folders,
    {
      client,
      evalClients: { messages: new MessagesClient(evalCore), files: new FilesClient(evalCore) },
      keyStore,
      state: context.globalState,
      workspaceSkills,
      slugs,
      log,
    },
    authoring.rules,
  );
  const decorations = new SkillFolderDecorations(workspaceSkills, folders, targets);
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
    ...authoring.disposables,
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
    ...registerCommands({
      core,
      client,
      clientWithKey: (key) => new SkillsClient(apiOptions(async () => key)),
      keyStore,
      model,
      view,
      folders,
      targets,
      slugs,
      diagnostics,
      workspaceSkills,
      versionFiles,
      runs,
      evals,
      state: context.globalState,
      log,
    }),
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
