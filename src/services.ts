// The extension's services, each built once here in the order they depend on each other: the commands, the
// views and the host tests share them.
import * as vscode from 'vscode';
import { ApiCore, type ApiOptions } from './api/apiCore';
import { FilesClient } from './api/filesClient';
import { MessagesClient } from './api/messagesClient';
import { SkillsClient } from './api/skillsClient';
import { ApiKeyStore } from './auth/apiKeyStore';
import { apiBaseUrl, pageSize, requestTimeoutMs, sources, workspaceId } from './config';
import { RunFileSystem } from './documents/runFileSystem';
import { VersionFileSystem } from './documents/versionFileSystem';
import { createLog, logRequest, type Log } from './log';
import { SkillNameMatches } from './operations/skillNameMatches';
import { registerEvalTesting, type EvalTesting } from './testing/evalTesting';
import { SkillsModel } from './tree/skillsModel';
import { SkillsTreeProvider } from './tree/skillsTreeProvider';
import { SkillsView } from './tree/skillsView';
import { WorkspaceSkillsView } from './tree/workspaceSkillsView';
import { registerAuthoringChecks, type AuthoringChecks } from './workspace/authoringChecks';
import { PublishTargets } from './workspace/publishTargets';
import { SkillFolderDecorations } from './workspace/skillFolderDecorations';
import { SkillFolderWatcher } from './workspace/skillFolderWatcher';
import { SkillSlugs } from './workspace/skillSlugs';
import { WorkspaceSkills } from './workspace/workspaceSkills';

export interface Services {
  log: Log;
  keyStore: ApiKeyStore;
  /** The request core of the stored key: the Skills, Messages and Files APIs share its key, headers and log. */
  core: ApiCore;
  client: SkillsClient;
  /** A client for a key being checked before it is stored. */
  clientWithKey: (key: string) => SkillsClient;
  /** What Try in Claude streams and downloads through. */
  tryClients: { messages: MessagesClient; files: FilesClient };
  model: SkillsModel;
  tree: SkillsTreeProvider;
  view: SkillsView;
  folders: SkillFolderWatcher;
  targets: PublishTargets;
  slugs: SkillSlugs;
  authoring: AuthoringChecks;
  workspaceSkills: WorkspaceSkills;
  workspaceView: WorkspaceSkillsView;
  decorations: SkillFolderDecorations;
  versionFiles: VersionFileSystem;
  runs: RunFileSystem;
  evals: EvalTesting;
  /** `globalState`: what outlives a workspace (prompts, the last model, slugs). */
  state: vscode.Memento;
  /** The services' own disposables, in the order they were built. */
  disposables: vscode.Disposable[];
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = createLog();
  const keyStore = new ApiKeyStore(context.secrets);
  // VS Code's global fetch carries the user's proxy, PAC and certificate settings.
  const apiOptions = (apiKey: () => Promise<string | undefined>): ApiOptions => ({
    transport: { fetch: globalThis.fetch },
    baseUrl: apiBaseUrl,
    apiKey,
    workspaceId,
    timeoutMs: requestTimeoutMs,
    onRequest: (entry) => logRequest(log, entry),
  });
  const storedKey = async () => (await keyStore.get())?.key;
  const core = new ApiCore(apiOptions(storedKey));
  const client = new SkillsClient(core);
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
  const versionFiles = new VersionFileSystem(client);
  const runs = new RunFileSystem();
  return {
    log,
    keyStore,
    core,
    client,
    clientWithKey: (key) => new SkillsClient(apiOptions(async () => key)),
    tryClients: { messages: new MessagesClient(core), files: new FilesClient(core) },
    model,
    tree,
    view,
    folders,
    targets,
    slugs,
    authoring,
    workspaceSkills,
    workspaceView,
    decorations,
    versionFiles,
    runs,
    evals,
    state: context.globalState,
    disposables: [
      log,
      model,
      view,
      folders,
      targets,
      ...authoring.disposables,
      workspaceSkills,
      workspaceView,
      evals.disposable,
      decorations,
      versionFiles,
      runs,
    ],
  };
}
