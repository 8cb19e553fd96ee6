import type * as vscode from 'vscode';
import { StateKeys } from '../constants';
import type { SlugMemory } from '../operations/skillLookup';

/** Far more skills than any account has; beyond it the oldest are dropped (and read again when needed). */
const MAX_SLUGS = 10_000;

/**
 * Skills' slugs as read, kept for the user across workspaces (`globalState`): a skill's slug never changes,
 * so each is read once per API (the base URL and workspace id scope them, as ids are only unique within
 * one). What is read back is checked entry by entry: state outlives versions, and may be edited by hand.
 */
export class SkillSlugs implements SlugMemory {
  private slugs?: Map<string, string>;

  constructor(
    private readonly state: vscode.Memento,
    private readonly scope: () => string,
  ) {}

  get(skillId: string): string | undefined {
    return this.load().get(this.key(skillId));
  }

  remember(read: ReadonlyArray<readonly [string, string]>): void {
    if (read.length === 0) return;
    const slugs = this.load();
    for (const [id, slug] of read) {
      slugs.delete(this.key(id)); // kept in the order they were read: the oldest go first
      slugs.set(this.key(id), slug);
    }
    for (const key of slugs.keys()) {
      if (slugs.size <= MAX_SLUGS) break;
      slugs.delete(key);
    }
    void this.state.update(StateKeys.skillSlugs, [...slugs]);
  }

  private key(skillId: string): string {
    return `${this.scope()} ${skillId}`;
  }

  private load(): Map<string, string> {
    if (this.slugs) return this.slugs;
    const stored = this.state.get<unknown>(StateKeys.skillSlugs);
    const entries = Array.isArray(stored) ? stored.slice(-MAX_SLUGS) : [];
    this.slugs = new Map(
      entries.filter(
        (e): e is [string, string] =>
          Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string',
      ),
    );
    return this.slugs;
  }
}
