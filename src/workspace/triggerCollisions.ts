// Trigger collisions in the Problems panel: the workspace's skill folders whose descriptions are nearly the
// same (src/skill/collisions.ts says how that is measured), a warning on each SKILL.md naming the other.
// Worked out when a SKILL.md is opened or saved, and when one changes on disk after that: from the head of
// each SKILL.md, where the frontmatter is, never at VS Code's start.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatPercent } from '../shared/words';
import { describeError } from '../api/errors';
import { skillBundle } from '../skillBundle';
import { isSkillMd } from './skillDiagnostics';
import type { SkillFolderWatcher } from './skillFolderWatcher';
import type { RulesTable } from './rulesTable';

const SOURCE = 'Claude Skills';
const SETTLE_MS = 500;
/** What of each SKILL.md is read: its frontmatter, which is small; a description is at most 1,024 characters. */
const HEAD_BYTES = 16 * 1024;
/** Folders compared at most: past that, the workspace is a collection, and collisions are its own business. */
const MAX_FOLDERS = 500;

export class TriggerCollisions implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('claudeSkills.collisions');
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly folders: Pick<SkillFolderWatcher, 'all' | 'onDidChange' | 'onDidTouch'>,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly rules: Pick<RulesTable, 'load' | 'code'>,
  ) {
    const first = (doc: vscode.TextDocument) => isSkillMd(doc.uri) && this.soon(true);
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument(first),
      vscode.workspace.onDidSaveTextDocument(first),
      folders.onDidChange(() => this.soon()),
      folders.onDidTouch((uri) => isSkillMd(uri) && this.soon()),
    ];
    if (vscode.workspace.textDocuments.some((d) => isSkillMd(d.uri))) this.soon(true);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of [...this.subscriptions, this.collection]) d.dispose();
  }

  /** A check once things settle; before the first SKILL.md is opened or saved, only `start` begins one. */
  private soon(start = false): void {
    if (start) this.started = true;
    if (!this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), SETTLE_MS);
  }

  async check(): Promise<void> {
    try {
      await this.rules.load();
      const { readRegularFileHead, parseSkillMd, findCollisions } = skillBundle();
      const folders = (await this.folders.all()).slice(0, MAX_FOLDERS);
      const read = await Promise.all(
        folders.map(async (folder) => {
          const uri = vscode.Uri.joinPath(folder, 'SKILL.md');
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          const text =
            open?.getText() ??
            (await readRegularFileHead(uri.fsPath, HEAD_BYTES).catch(() => undefined))?.toString('utf8');
          const parsed = text === undefined ? undefined : parseSkillMd(text);
          const { name, description } = parsed?.data ?? {};
          if (typeof description !== 'string') return undefined;
          return {
            uri,
            line: parsed!.keyLines.get('description') ?? 1,
            skill: { key: uri.toString(), slug: typeof name === 'string' ? name : undefined, description },
          };
        }),
      );
      const skills = read.filter((r): r is NonNullable<typeof r> => r !== undefined);
      const byKey = new Map(skills.map((s) => [s.skill.key, s]));
      const diagnostics = new Map<string, vscode.Diagnostic[]>();
      for (const { a, b, similarity } of findCollisions(skills.map((s) => s.skill))) {
        for (const [self, other] of [
          [byKey.get(a)!, byKey.get(b)!],
          [byKey.get(b)!, byKey.get(a)!],
        ]) {
          const where = vscode.workspace.asRelativePath(path.dirname(other.uri.fsPath), true);
          const d = new vscode.Diagnostic(
            new vscode.Range(self.line - 1, 0, self.line - 1, Number.MAX_SAFE_INTEGER),
            vscode.l10n.t(
              'This description is much like that of {0} ({1} of their content words are shared, and from {2} a model choosing by description may take either): say what sets each skill apart.',
              where,
              formatPercent(similarity),
              formatPercent(0.6),
            ),
            vscode.DiagnosticSeverity.Warning,
          );
          d.source = SOURCE;
          d.code = this.rules.code('trigger-collision');
          diagnostics.set(self.uri.toString(), [...(diagnostics.get(self.uri.toString()) ?? []), d]);
        }
      }
      this.collection.clear();
      for (const [uri, list] of diagnostics) this.collection.set(vscode.Uri.parse(uri), list);
    } catch (err) {
      this.log.warn(`Looking for trigger collisions: ${describeError(err)}`);
    }
  }
}
