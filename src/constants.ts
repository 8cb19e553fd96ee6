// The names the extension and package.json share, declared once: command ids, the view, context keys,
// tree item context values and stored-state keys. A unit test holds them against package.json. Free of a
// `vscode` import at run time, so that test runs in plain Node.
import type * as vscode from 'vscode';

export const CommandIds = {
  setApiKey: 'claudeSkills.setApiKey',
  clearApiKey: 'claudeSkills.clearApiKey',
  refresh: 'claudeSkills.refresh',
  showLog: 'claudeSkills.showLog',
  filter: 'claudeSkills.filter',
  clearFilter: 'claudeSkills.clearFilter',
  copyId: 'claudeSkills.copyId',
  copyMessagesSnippet: 'claudeSkills.copyMessagesSnippet',
  publishNewVersion: 'claudeSkills.publishNewVersion',
  publishNewSkill: 'claudeSkills.publishNewSkill',
  forgetPublishTarget: 'claudeSkills.forgetPublishTarget',
  validateSkill: 'claudeSkills.validateSkill',
  packageSkill: 'claudeSkills.packageSkill',
  deleteVersion: 'claudeSkills.deleteVersion',
  deleteSkill: 'claudeSkills.deleteSkill',
  openVersion: 'claudeSkills.openVersion',
  downloadVersion: 'claudeSkills.downloadVersion',
  installInClaudeCode: 'claudeSkills.installInClaudeCode',
  compareWithLocal: 'claudeSkills.compareWithLocal',
  compareWithPublished: 'claudeSkills.compareWithPublished',
  newSkill: 'claudeSkills.newSkill',
  compareVersions: 'claudeSkills.compareVersions',
  restoreVersion: 'claudeSkills.restoreVersion',
  revealSkillFolder: 'claudeSkills.revealSkillFolder',
  openSkillMd: 'claudeSkills.openSkillMd',
  trySkill: 'claudeSkills.trySkill',
  saveRunFiles: 'claudeSkills.saveRunFiles',
  createEvals: 'claudeSkills.createEvals',
  showEvalReport: 'claudeSkills.showEvalReport',
  deleteEvalDrafts: 'claudeSkills.deleteEvalDrafts',
} as const;

/** The Testing API's names for Skill Evals. */
export const EvalTesting = {
  controllerId: 'claudeSkills.evals',
  controllerLabel: 'Skill Evals',
  runProfile: 'Run Evals',
  publishedProfile: 'Run Evals on a Published Version…',
} as const;

/** Commands only the extension's own items run (a click on "Load more…", a quick fix): registered, never contributed. */
export const InternalCommandIds = {
  loadMore: 'claudeSkills.loadMore',
  /** A quick fix's folder rename, carrying the folder's publish target and record. */
  renameSkillFolder: 'claudeSkills.renameSkillFolder',
} as const;

export type CommandId =
  (typeof CommandIds)[keyof typeof CommandIds] | (typeof InternalCommandIds)[keyof typeof InternalCommandIds];

/** The activity bar container and its views. */
export const ViewContainerId = 'claudeSkills';
export const ViewIds = {
  skills: 'claudeSkills.skills',
  workspaceSkills: 'claudeSkills.workspaceSkills',
} as const;

/** VS Code's own commands the extension runs, by what they do. */
export const WorkbenchCommands = {
  focusSkillsView: `${ViewIds.skills}.focus`,
  openSettings: 'workbench.action.openSettings',
  showProblems: 'workbench.actions.view.problems',
  manageTrust: 'workbench.trust.manage',
  markdownPreviewToSide: 'markdown.showPreviewToSide',
  markdownPreview: 'markdown.showPreview',
} as const;

/** The context keys the extension sets, with the kind of value each holds; when-clauses read them. */
interface ContextKeyValues {
  'claudeSkills.hasKey': boolean;
  'claudeSkills.hasStoredKey': boolean;
  'claudeSkills.filtered': boolean;
  /** The paths (`Uri.path`) of the workspace's skill folders, for `resourcePath in claudeSkills.skillFolders`. */
  'claudeSkills.skillFolders': string[];
  'claudeSkills.hasSkillFolders': boolean;
  /** Steps of the Get Started walkthrough that happened in this window: a publish, a try, an eval run. */
  'claudeSkills.hasPublished': boolean;
  'claudeSkills.hasTried': boolean;
  'claudeSkills.hasRunEvals': boolean;
}
export type ContextKey = keyof ContextKeyValues;

export const ContextKeys = {
  hasKey: 'claudeSkills.hasKey',
  hasStoredKey: 'claudeSkills.hasStoredKey',
  filtered: 'claudeSkills.filtered',
  skillFolders: 'claudeSkills.skillFolders',
  hasSkillFolders: 'claudeSkills.hasSkillFolders',
  hasPublished: 'claudeSkills.hasPublished',
  hasTried: 'claudeSkills.hasTried',
  hasRunEvals: 'claudeSkills.hasRunEvals',
} as const satisfies Record<string, ContextKey>;

/** The value each context key was last set to: VS Code cannot be asked, and the host tests read them here. */
const contextSet = new Map<ContextKey, unknown>();
export const contextValue = <K extends ContextKey>(key: K) => contextSet.get(key) as ContextKeyValues[K] | undefined;

/** The Get Started walkthrough (`<publisher>.<name>#<id>`), opened from the welcome views. */
export const WALKTHROUGH_ID = 'claude-skills.claude-skills#getStarted';

/** The walkthrough's steps, by the context key that completes each (its `completionEvents`). */
export const WALKTHROUGH_STEPS: Partial<Record<ContextKey, string>> = {
  [ContextKeys.hasKey]: 'setApiKey',
  [ContextKeys.hasSkillFolders]: 'openSkillFolder',
  [ContextKeys.hasPublished]: 'publish',
  [ContextKeys.hasTried]: 'try',
  [ContextKeys.hasRunEvals]: 'evals',
};

/** Sets a context key; its value must be of the key's kind. */
export function setContext<K extends ContextKey>(
  commands: Pick<typeof vscode.commands, 'executeCommand'>,
  key: K,
  value: ContextKeyValues[K],
): Thenable<unknown> {
  const step = WALKTHROUGH_STEPS[key];
  const turnedTrue = value === true && contextSet.get(key) !== true;
  contextSet.set(key, value);
  if (turnedTrue && step) {
    // VS Code makes its walkthrough service on first use, and a key already true then never completes its
    // step (only a change does): the step is marked done too, with VS Code's own command where it has one.
    void commands.executeCommand('welcome.markStepComplete', `${WALKTHROUGH_ID}#${step}`).then(undefined, () => {});
  }
  return commands.executeCommand('setContext', key, value);
}

/** The tree items' `contextValue`s, which menus match with `viewItem`. */
export const ContextValues = {
  customSkill: 'skill.custom',
  readOnlySkill: 'skill.readonly',
  group: 'group',
  customVersion: 'version.custom',
  readOnlyVersion: 'version.readonly',
  loadMore: 'loadMore',
  emptyMessage: 'message.empty',
  errorMessage: 'message.error',
  authMessage: 'message.auth',
  hintMessage: 'message.hint',
  /**
   * A Workspace Skills row: `workspaceSkill.<state>`, then `.published` when the folder remembers its
   * target, or `.matched` when its name found one.
   */
  workspaceSkill: 'workspaceSkill',
} as const;

/** Keys of what is kept: per workspace (`workspaceState`), and the secret. Changing one loses what users kept. */
export const StateKeys = {
  filter: 'claudeSkills.filter',
  publishTargets: 'claudeSkills.publishTargets',
  /** What each folder last published (or was compared with): versions and file digests. */
  publishRecords: 'claudeSkills.publishRecords',
  /** Kept for the user across workspaces (`globalState`): the last prompt tried per skill id, the last model. */
  tryPrompts: 'claudeSkills.tryPrompts',
  lastTryModel: 'claudeSkills.lastTryModel',
  /** Skills' slugs by API and skill id (`globalState`): read once, as a slug never changes. */
  skillSlugs: 'claudeSkills.skillSlugs',
} as const;
export const SecretKeys = {
  apiKey: 'claudeSkills.apiKey',
} as const;

/** The settings whose change reloads the Skills view. */
export const SettingIds = {
  apiBaseUrl: 'claudeSkills.apiBaseUrl',
  pageSize: 'claudeSkills.pageSize',
  sources: 'claudeSkills.sources',
  workspaceId: 'claudeSkills.workspaceId',
} as const;
