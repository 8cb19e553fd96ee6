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
    return this.all()[folder.toString()];
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
    const record = this.records()[folder.toString()];
    return isRecord(record) ? record : undefined;
  }

  async record(folder: vscode.Uri, record: PublishRecord): Promise<void> {
    await this.state.update(StateKeys.publishRecords, { ...this.records(), [folder.toString()]: record });
    this.changed.fire(folder);
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

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(StateKeys.publishTargets) ?? {};
  }

  private records(): Record<string, unknown> {
    return this.state.get<Record<string, unknown>>(StateKeys.publishRecords) ?? {};
  }
}

function isRecord(value: unknown): value is PublishRecord {
  const r = value as Partial<PublishRecord> | undefined;
  return (
    typeof r?.skillId === 'string' &&
    typeof r.versionId === 'string' &&
    (r.origin === 'published' || r.origin === 'compared') &&
    typeof r.files === 'object' &&
    r.files !== null &&
    typeof r.local === 'object' &&
    r.local !== null
  );
}
