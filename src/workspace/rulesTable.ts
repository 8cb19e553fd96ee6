import * as vscode from 'vscode';
import type { RuleId } from '../skill/problems';

/** The most of the README read to find the rules table: far more than the README is. */
const README_MAX_BYTES = 512 * 1024;

/**
 * Each rule's row in the README's rules table, inside the installed extension: a diagnostic's code links
 * there (`#L<line>` opens the README at the row). The repository's public address is not known yet, so no
 * web link is made up.
 */
export class RulesTable {
  private lines: Map<string, number> | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Reads the README once; a README that cannot be read leaves the links without a line. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const readme = vscode.Uri.joinPath(this.extensionUri, 'README.md');
      const bytes = await vscode.workspace.fs.readFile(readme).then(undefined, () => new Uint8Array());
      const lines = new Map<string, number>();
      new TextDecoder()
        .decode(bytes.subarray(0, README_MAX_BYTES))
        .split('\n')
        .forEach((line, i) => {
          const rule = /^\| `([a-z-]+)` \|/.exec(line)?.[1];
          if (rule && !lines.has(rule)) lines.set(rule, i + 1);
        });
      this.lines = lines;
    })();
    return this.loading;
  }

  /** A diagnostic's code: the rule id, linked to its row. */
  code(rule: RuleId): { value: string; target: vscode.Uri } {
    const line = this.lines?.get(rule);
    const target = vscode.Uri.joinPath(this.extensionUri, 'README.md').with({ fragment: line ? `L${line}` : '' });
    return { value: rule, target };
  }
}
