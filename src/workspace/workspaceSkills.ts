// Every skill folder of the workspace with its publish state, kept current: from the folder's files, what it
// last published (PublishTargets' record) and, when known, its skill's latest version. Local work costs no
// request: files are hashed only when they changed (size or mtime), and only for folders with a record;
// typing hashes nothing, a save re-checks its folder. The skill's latest version comes from the Skills view
// when it has the skill loaded, else from one GET per folder when the view is shown or refreshed. A folder
// that remembers no target publishes to the skill its name matches: looked up once the view is shown (one
// list of the custom skills, and each skill's slug read once for good), "not checked" until then.
import * as vscode from 'vscode';
import type { SkillsClient } from '../api/skillsClient';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import { excludePatterns } from '../config';
import type { NameMatch, SkillNameMatches } from '../operations/skillNameMatches';
import { forEachLimited } from '../skill/concurrency';
import type { PublishRecord, PublishState } from '../skill/publishState';
import { skillBundle } from '../skillBundle';
import type { PublishTargets } from './publishTargets';
import type { SkillFolderWatcher } from './skillFolderWatcher';

export interface WorkspaceSkill {
  folder: vscode.Uri;
  /** The frontmatter's `name`, else the folder's name. */
  name: string;
  /** The frontmatter's `name` when it is valid: what a skill is matched by. */
  frontmatterName?: string;
  errors: number;
  warnings: number;
  /** The remembered target, else the skill the name matches. */
  targetId?: string;
  /** For a folder that remembers no target: the skill its name matches, if it was looked up. */
  lookup?: NameMatch;
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
  nameMatches: Pick<SkillNameMatches, 'match' | 'has' | 'skills' | 'reset'>;
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
  /** Each checked folder's target, remembered or matched by name, by folder. */
  private readonly rowTargets = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Names are looked up once the view was shown (or a command asked): before, nothing is sent. */
  private lookingUp = false;
  /** Some name was found to be no skill's: a publish may have made it one since. */
  private sawNoMatch = false;

  constructor(private readonly deps: WorkspaceSkillsDeps) {
    this.disposables.push(
      deps.folders.onDidTouch((uri) => this.touched(uri)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.touched(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('claudeSkills.exclude') && this.reset()),
      // New folders (a git pull, New Skill…) may be of skills made since the list was read: it is read again.
      deps.folders.onDidChange(() => {
        this.deps.nameMatches.reset();
        this.reset();
      }),
      deps.targets.onDidChange((folder) => this.targetChanged(folder)),
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
   * The skill a folder publishes to: the remembered one, else the one its name matches (looked up now when
   * it was not, or could not be). A reason instead when there is none, or none is known.
   */
  async targetOf(folder: vscode.Uri): Promise<{ skillId: string } | { reason: string }> {
    const remembered = this.deps.targets.get(folder);
    if (remembered) return { skillId: remembered };
    const { frontmatterName: name, name: label } = await this.row(folder);
    if (!name) return { reason: vscode.l10n.t('the SKILL.md of {0} has no valid name, so no skill is its', label) };
    const match = await this.deps.nameMatches.match(name, true);
    this.recheck(folder);
    if (match.kind === 'matched') return { skillId: match.skill.id };
    if (match.kind === 'none')
      return { reason: vscode.l10n.t('none of your skills is named {0}: it has not been published', name) };
    return { reason: vscode.l10n.t('whether one of your skills is named {0} is not known: {1}', name, match.reason) };
  }

  /**
   * Reads the latest version of every target skill: from the list of custom skills when some folder needs
   * it to find its skill by name (one request for them all), else one GET per folder at most, none for a
   * skill the Skills view has loaded. Then every row again, and looks up their names.
   */
  async refreshRemote(): Promise<void> {
    this.lookingUp = true;
    this.deps.nameMatches.reset();
    const folders = await this.deps.folders.all();
    const listed = new Set<string>();
    if (folders.some((f) => !this.deps.targets.get(f))) {
      const skills = await this.deps.nameMatches.skills().catch(() => []); // each row says why
      for (const skill of skills) {
        this.skills.set(skill.id, skill);
        listed.add(skill.id);
      }
    }
    const ids = [
      ...new Set(folders.map((f) => this.deps.targets.get(f)).filter((id): id is string => !!id && !listed.has(id))),
    ];
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
    await this.all();
  }

  /**
   * Another key, API or workspace: what was read of the skills was someone else's, and is dropped. Names are
   * looked up again when the view shows next (or now, by the view, when it shows).
   */
  accountChanged(): void {
    this.skills.clear();
    this.sawNoMatch = false;
    this.lookingUp = false;
    this.deps.nameMatches.reset();
    this.reset();
  }

  /** A skill as just read (a publish, a comparison): a latest version that moved changes its rows. */
  skillSeen(skill: Skill): void {
    const before = this.skills.get(skill.id);
    this.skills.set(skill.id, skill);
    if (before?.latestVersionId === skill.latestVersionId && before.displayName === skill.displayName) return;
    for (const [key, targetId] of this.rowTargets) {
      if (targetId === skill.id && this.rows.has(key)) this.recheck(vscode.Uri.parse(key));
    }
  }

  /** What the Skills view loaded: the skills it holds now that rows use, with no request of ours. */
  private seeLoaded(): void {
    const ids = new Set([...this.skills.keys(), ...this.rowTargets.values()]);
    for (const id of ids) {
      const loaded = id && this.deps.loadedSkill(id);
      if (loaded) this.skillSeen(loaded);
    }
  }

  /** Every row again. */
  reset(): void {
    this.rows.clear();
    this.rowTargets.clear();
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

  /** A publish or a comparison: that folder again, and every name that matched nothing, which now may. */
  private targetChanged(folder: vscode.Uri): void {
    if (!this.sawNoMatch) return this.recheck(folder);
    this.sawNoMatch = false;
    this.deps.nameMatches.reset();
    this.reset();
  }

  private recheck(folder: vscode.Uri): void {
    this.rows.delete(folder.toString());
    this.changed.fire(folder);
  }

  /** The skill `name` matches: looked up when the view was shown, or it was already; else not known. */
  private lookup(name: string): Promise<NameMatch> | NameMatch {
    if (this.lookingUp || this.deps.nameMatches.has(name)) return this.deps.nameMatches.match(name);
    return {
      kind: 'unknown',
      reason: vscode.l10n.t('its skill is looked up by name when the Workspace Skills view shows'),
    };
  }

  private async check(folder: vscode.Uri): Promise<WorkspaceSkill> {
    const m = skillBundle();
    const inspected = await m.inspectSkillFolder(folder.fsPath, { exclude: excludePatterns(), scanContents: false });
    const remembered = this.deps.targets.get(folder);
    const frontmatterName = inspected.name;
    const lookup = remembered || !frontmatterName ? undefined : await this.lookup(frontmatterName);
    const matched = lookup?.kind === 'matched' ? lookup.skill : undefined;
    if (lookup?.kind === 'none') this.sawNoMatch = true;
    if (matched && !this.skills.has(matched.id)) this.skills.set(matched.id, matched);
    const targetId = remembered ?? matched?.id;
    if (targetId) this.rowTargets.set(folder.toString(), targetId);
    else this.rowTargets.delete(folder.toString());
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
      frontmatterName,
      lookup,
      record,
      skill,
      state: m.publishState({
        errors,
        targetId,
        targetUnknown: lookup?.kind === 'unknown',
        record,
        current,
        latestVersionId: skill?.latestVersionId,
      }),
    };
  }
}
