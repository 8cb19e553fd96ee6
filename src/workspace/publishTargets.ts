import type * as vscode from 'vscode';
import { StateKeys } from '../constants';

/** The skill each folder last published to, kept per workspace: the default target of its next publish. */
export class PublishTargets {
  constructor(private readonly state: vscode.Memento) {}

  get(folder: vscode.Uri): string | undefined {
    return this.all()[folder.toString()];
  }

  /** The folders that publish to `skillId`. */
  foldersOf(skillId: string): string[] {
    return Object.entries(this.all()).flatMap(([folder, id]) => (id === skillId ? [folder] : []));
  }

  remember(folder: vscode.Uri, skillId: string): Thenable<void> {
    return this.state.update(StateKeys.publishTargets, { ...this.all(), [folder.toString()]: skillId });
  }

  /** Forgets the folder's target; false when there was none. */
  async forget(folder: vscode.Uri): Promise<boolean> {
    const { [folder.toString()]: forgotten, ...rest } = this.all();
    if (forgotten === undefined) return false;
    await this.state.update(StateKeys.publishTargets, rest);
    return true;
  }

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(StateKeys.publishTargets) ?? {};
  }
}
