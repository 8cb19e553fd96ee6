// Every skill folder of the workspace with its publish state, kept current: from the folder's files, what it
// last published (PublishTargets' record) and, when known, its skill's latest version. Local work costs no
// request: files are hashed only when they changed (size or mtime), and only for folders with a record;
// typing hashes nothing, a save re-checks its folder. The skill's latest version comes from the Skills view
// when it has the skill loaded, else from one GET per folder when the view is shown or refreshed.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/client';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import { excludePatterns } from '../config';
import { forEachLimited } from '../skill/concurrency';
import type { PublishRecord, PublishState } from '../skill/publishState';
import { skillModule } from '../skillModule';
import type { PublishTargets } from './publishTargets';
import type { SkillFolderWatcher } from './skillFolderWatcher';

export interface WorkspaceSkill {
  folder: vscode.Uri;
  /** The frontmatter's `name`, else the folder's name. */
  name: string;
  errors: number;
  warnings: number;
  targetId?: string;
  record?: PublishRecord;
  /** The target skill as last seen (title and latest version), when it was. */
  skill?: Skill;
  state: PublishState;
  /** Why the state could not be worked out (state `unknown`). */
  failure?: string;
}

export interface WorkspaceSkillsDeps {
  folders: Pick<SkillFolderWatcher, 'all' | 'onDidChange' | 'onDidTouch'>;
  targets: Pick<PublishTargets, 'get' | 'recordOf' | 'onDidChange'>;
  client: Pick<SkillsClient, 'getSkill'>;
  /** The skill as the Skills view has it loaded, if it does, and when what it loaded changes. */
  loadedSkill: (skillId: string) => Skill | undefined;
  onDidLoadSkills: vscode.Event<unknown>;
  log: Pick<vscode.LogOutputChannel, 'warn'>;
}

/** A folder is checked again this long after its last save or file event. */
const SETTLE_MS = 300;
const GETS_IN_FLIGHT = 4;

export class WorkspaceSkills implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** A folder's row changed, or the list (undefined). */
  readonly onDidChange = this.changed.event;

  private readonly rows = new Map<string, Promise<WorkspaceSkill>>();
  /** Target skills as last read or seen, by id. */
  private readonly skills = new Map<string, Skill>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: WorkspaceSkillsDeps) {
    this.disposables.push(
      deps.folders.onDidTouch((uri) => this.touched(uri)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.touched(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('claudeSkills.exclude') && this.reset()),
      deps.folders.onDidChange(() => this.reset()),
      deps.targets.onDidChange((folder) => this.recheck(folder)),
      deps.onDidLoadSkills(() => this.seeLoaded()),
    );
  }

  /**
   * Every skill folder's row, sorted by path. A folder whose state cannot be worked out shows with the
   * reason; only one gone meanwhile (its watcher event is on its way) has none.
   */
  async all(): Promise<WorkspaceSkill[]> {
    const folders = await this.deps.folders.all();
    const rows = await Promise.allSettled(folders.map((folder) => this.row(folder)));
    return rows.flatMap((r, i) => {
      if (r.status === 'fulfilled') return [r.value];
      if ((r.reason as { code?: unknown } | undefined)?.code === 'ENOENT') return [];
      this.deps.log.warn(`Workspace Skills: ${folders[i].fsPath}: ${describeError(r.reason)}`);
      return [this.unknownRow(folders[i], r.reason)];
    });
  }

  private unknownRow(folder: vscode.Uri, reason: unknown): WorkspaceSkill {
    return {
      folder,
      name: folder.path.split('/').pop()!,
      errors: 0,
      warnings: 0,
      targetId: this.deps.targets.get(folder),
      state: { kinds: ['unknown'] },
      failure: describeError(reason),
    };
  }

  /** The row of one folder (checked now if it was not). */
  row(folder: vscode.Uri): Promise<WorkspaceSkill> {
    const key = folder.toString();
    let row = this.rows.get(key);
    if (!row) {
      row = this.check(folder);
      this.rows.set(key, row);
      // A failed check is not kept: the next look tries again.
      row.catch(() => this.rows.get(key) === row && this.rows.delete(key));
    }
    return row;
  }

  /** The row as last checked, without checking (the Explorer's badge asks for every folder it shows). */
  async known(folder: vscode.Uri): Promise<WorkspaceSkill | undefined> {
    return this.rows.get(folder.toString())?.catch(() => undefined);
  }

  /**
   * Reads the latest version of every target skill the Skills view does not have loaded: one GET per
   * folder at most. Then every row again.
   */
  async refreshRemote(): Promise<void> {
    const folders = await this.deps.folders.all();
    const ids = [...new Set(folders.map((f) => this.deps.targets.get(f)).filter((id): id is string => !!id))];
    await forEachLimited(ids, GETS_IN_FLIGHT, async (id) => {
      const loaded = this.deps.loadedSkill(id);
      if (loaded) {
        this.skills.set(id, loaded);
        return;
      }
      try {
        this.skills.set(id, await this.deps.client.getSkill(id));
      } catch (err) {
        this.deps.log.warn(`Workspace Skills: reading ${id}: ${describeError(err)}`);
      }
    });
    this.reset();
  }

  /** A skill as just read (a publish, a comparison): a latest version that moved changes its rows. */
  skillSeen(skill: Skill): void {
    const before = this.skills.get(skill.id);
    this.skills.set(skill.id, skill);
    if (before?.latestVersionId === skill.latestVersionId && before.displayName === skill.displayName) return;
    for (const key of [...this.rows.keys()]) {
      const folder = vscode.Uri.parse(key);
      if (this.deps.targets.get(folder) === skill.id) this.recheck(folder);
    }
  }

  /** What the Skills view loaded: the target skills it holds now, with no request of ours. */
  private seeLoaded(): void {
    const ids = new Set([...this.rows.keys()].map((key) => this.deps.targets.get(vscode.Uri.parse(key))));
    for (const id of ids) {
      const loaded = id && this.deps.loadedSkill(id);
      if (loaded) this.skillSeen(loaded);
    }
  }

  /** Every row again. */
  reset(): void {
    this.rows.clear();
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }

  /** A file in some skill folder was saved, made or deleted: that folder is checked again, soon. */
  private touched(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    for (const key of this.rows.keys()) {
      const folder = vscode.Uri.parse(key);
      const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
      if (!uri.path.startsWith(prefix)) continue;
      clearTimeout(this.timers.get(key));
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          this.recheck(folder);
        }, SETTLE_MS),
      );
    }
  }

  private recheck(folder: vscode.Uri): void {
    this.rows.delete(folder.toString());
    this.changed.fire(folder);
  }

  private async check(folder: vscode.Uri): Promise<WorkspaceSkill> {
    const m = skillModule();
    const inspected = await m.inspectSkillFolder(folder.fsPath, { exclude: excludePatterns(), scanContents: false });
    const targetId = this.deps.targets.get(folder);
    const record = this.deps.targets.recordOf(folder);
    // Nothing to compare with, nothing to hash.
    if (record) m.primeFromRecord(record, inspected.files);
    const current = record && record.skillId === targetId ? await m.hashFiles(inspected.files) : new Map();
    const skill = targetId ? (this.skills.get(targetId) ?? this.deps.loadedSkill(targetId)) : undefined;
    const errors = inspected.problems.filter((p) => p.severity === 'error').length;
    return {
      folder,
      name: inspected.name ?? folder.path.split('/').pop()!,
      errors,
      warnings: inspected.problems.length - errors,
      targetId,
      record,
      skill,
      state: m.publishState({ errors, targetId, record, current, latestVersionId: skill?.latestVersionId }),
    };
  }
}
