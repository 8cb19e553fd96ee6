// A test run that also keeps what it told VS Code about each item: the run handler returns it, so
// automation (and the host tests, since VS Code offers no stable way to read results back) sees the
// outcome of each eval and query.
import type * as vscode from 'vscode';

export type ItemState = 'enqueued' | 'started' | 'passed' | 'failed' | 'errored' | 'skipped';

export interface ItemResult {
  state: ItemState;
  /** Each message's text and its 0-based line, when it has a location. */
  messages: { text: string; line?: number }[];
  /** What the run wrote to the item's output, in order. */
  output: string[];
}

const plain = (message: vscode.TestMessage) => ({
  text: typeof message.message === 'string' ? message.message : message.message.value,
  line: message.location?.range.start.line,
});

export class RecordedRun {
  readonly results = new Map<string, ItemResult>();

  constructor(private readonly run: vscode.TestRun) {}

  private record(item: vscode.TestItem, state: ItemState, messages: readonly vscode.TestMessage[] = []): void {
    const output = this.results.get(item.id)?.output ?? [];
    this.results.set(item.id, { state, messages: messages.map(plain), output });
  }

  enqueued(item: vscode.TestItem): void {
    this.record(item, 'enqueued');
    this.run.enqueued(item);
  }

  started(item: vscode.TestItem): void {
    this.record(item, 'started');
    this.run.started(item);
  }

  passed(item: vscode.TestItem, duration?: number): void {
    this.record(item, 'passed');
    this.run.passed(item, duration);
  }

  failed(item: vscode.TestItem, messages: vscode.TestMessage | readonly vscode.TestMessage[], duration?: number): void {
    const list = Array.isArray(messages) ? messages : [messages as vscode.TestMessage];
    this.record(item, 'failed', list);
    this.run.failed(item, list, duration);
  }

  errored(item: vscode.TestItem, message: vscode.TestMessage, duration?: number): void {
    this.record(item, 'errored', [message]);
    this.run.errored(item, message, duration);
  }

  skipped(item: vscode.TestItem): void {
    this.record(item, 'skipped');
    this.run.skipped(item);
  }

  appendOutput(output: string, location?: vscode.Location, item?: vscode.TestItem): void {
    if (item) {
      const result = this.results.get(item.id);
      if (result) result.output.push(output);
      else this.results.set(item.id, { state: 'enqueued', messages: [], output: [output] });
    }
    this.run.appendOutput(output, location, item);
  }

  end(): void {
    this.run.end();
  }
}
