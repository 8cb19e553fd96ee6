import * as vscode from 'vscode';
import { StateKeys } from '../constants';
import type { PublishRecord } from '../skill/publishState';

/**
 * What each folder publishes to, kept per workspace: the skill (the default target of its next publish)
 * and the record of its last publish or comparison (the version and its files' digests), from which the
 * Workspace Skills view tells the folder's state without a request.
 */
export class PublishTargets implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** A folder's target or record changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(folder: vscode.Uri): string | undefined {
    const targets = this.all();
    const key = folder.toString();
    return Object.hasOwn(targets, key) ? targets[key] : undefined;
  }

  /** The folders that publish to `skillId`. */
  foldersOf(skillId: string): string[] {
    return Object.entries(this.all()).flatMap(([folder, id]) => (id === skillId ? [folder] : []));
  }

  async remember(folder: vscode.Uri, skillId: string): Promise<void> {
    await this.state.update(StateKeys.publishTargets, { ...this.all(), [folder.toString()]: skillId });
    this.changed.fire(folder);
  }

  /** The folder's last publish or comparison, if it is of the shape this version writes. */
  recordOf(folder: vscode.Uri): PublishRecord | undefined {
    const records = this.records();
    const key = folder.toString();
    const record = Object.hasOwn(records, key) ? records[key] : undefined;
    return isPublishRecord(record) ? record : undefined;
  }

  async record(folder: vscode.Uri, record: PublishRecord): Promise<void> {
    await this.state.update(StateKeys.publishRecords, { ...this.records(), [folder.toString()]: record });
    this.changed.fire(folder);
  }

  /** A renamed folder keeps what it publishes to and its last record, under its new path. */
  async move(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    const [target, record] = [this.get(from), this.recordOf(from)];
    await this.forget(from);
    if (target !== undefined) await this.remember(to, target);
    if (record !== undefined) await this.record(to, record);
  }

  /** Forgets the folder's target and record; false when there was no target. */
  async forget(folder: vscode.Uri): Promise<boolean> {
    const key = folder.toString();
    const { [key]: forgotten, ...rest } = this.all();
    const { [key]: _record, ...otherRecords } = this.records();
    if (_record !== undefined) await this.state.update(StateKeys.publishRecords, otherRecords);
    if (forgotten === undefined) return false;
    await this.state.update(StateKeys.publishTargets, rest);
    this.changed.fire(folder);
    return true;
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** The stored targets, each checked: an entry that is not a skill id (a number, an object) is none. */
  private all(): Record<string, string> {
    const stored = this.state.get<unknown>(StateKeys.publishTargets);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    return Object.fromEntries(
      Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  }

  private records(): Record<string, unknown> {
    const stored = this.state.get<unknown>(StateKeys.publishRecords);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  }
}

/**
 * Whether a value read back from stored state is a record of the shape this version writes, down to each
 * entry: state outlives versions, and may have been written by another or edited by hand.
 */
function isPublishRecord(value: unknown): value is PublishRecord {
  const r = value as Partial<PublishRecord> | undefined;
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    typeof r?.skillId === 'string' &&
    typeof r.versionId === 'string' &&
    (r.origin === 'published' || r.origin === 'compared') &&
    isMap(r.files) &&
    Object.values(r.files).every((digest) => typeof digest === 'string') &&
    isMap(r.local) &&
    Object.values(r.local).every(
      (pair) => Array.isArray(pair) && pair.length === 2 && pair.every((n) => typeof n === 'number'),
    )
  );
}
