// What the extension's read-only file systems share: every write refused with a message that says what to
// do instead, a change event, and no watching to set up (they fire their own changes).
import * as vscode from 'vscode';

export abstract class ReadOnlyFileSystem implements vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** Why nothing can be written here, and what to do instead. */
  protected abstract readonly readOnlyMessage: string;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(this.readOnlyMessage);
  }

  writeFile(): never {
    throw vscode.FileSystemError.NoPermissions(this.readOnlyMessage);
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions(this.readOnlyMessage);
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions(this.readOnlyMessage);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
