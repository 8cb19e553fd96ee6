// What the command line writes: results on stdout (text for a person, or one JSON document), progress and
// errors on stderr, GitHub workflow annotations when it runs in GitHub Actions. Every line goes through
// one writer that takes out the API key, whatever printed it.
import { redact } from '../api/errors';
import { oneLine } from '../shared/terminalText';

/** The process as a command sees it: given whole, so a test runs a command in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal: colours, and questions may be asked. */
  isTTY: boolean;
  /** A question answered on the terminal; absent where none can be asked. */
  ask?: (question: string) => Promise<string>;
}

/** Exit codes, as README's "Command line and CI" documents them. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, api: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the user fixes by calling differently: said on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const COLOURS = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof COLOURS;

/** Workflow command data: `%`, CR and LF are what end or forge a command (GitHub's own toolkit escapes these). */
export const escapeAnnotationData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command property (`file=…,line=…`): also `:` and `,`, which end a property. */
export const escapeAnnotationProperty = (text: string): string =>
  escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

export class Output {
  readonly colour: boolean;
  readonly github: boolean;
  private readonly key: string | undefined;

  constructor(private readonly io: CliIo) {
    this.colour = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
    this.github = io.env.GITHUB_ACTIONS === 'true';
    this.key = io.env.ANTHROPIC_API_KEY || undefined;
  }

  /** The key out of any text, however it got there (an echoing server, a message quoting a header). */
  private safe(text: string): string {
    return this.key ? redact(text, this.key) : text;
  }

  paint(colour: Colour, text: string): string {
    return this.colour ? `\u001b[${COLOURS[colour]}m${text}\u001b[0m` : text;
  }

  /** In GitHub Actions, never a line the runner would read as a workflow command (it reads both streams). */
  private unforged(text: string): string {
    return this.github && text.startsWith('::') ? ` ${text}` : text;
  }

  /** A line of the result. */
  line(text = ''): void {
    this.io.stdout.write(`${this.safe(this.unforged(text))}\n`);
  }

  /** The result as one JSON document, for scripts: its shape is documented and stable. */
  json(value: unknown): void {
    this.io.stdout.write(`${this.safe(JSON.stringify(value, null, 2))}\n`);
  }

  /** Progress and errors: stderr, so that stdout stays the result. */
  note(text: string): void {
    this.io.stderr.write(`${this.safe(this.unforged(oneLine(text)))}\n`);
  }

  /** In GitHub Actions, a workflow annotation on stdout (where the runner reads them); elsewhere nothing. */
  annotate(annotation: Annotation): void {
    if (!this.github) return;
    const properties = [
      annotation.file === undefined ? undefined : `file=${escapeAnnotationProperty(annotation.file)}`,
      annotation.line === undefined ? undefined : `line=${annotation.line}`,
      annotation.column === undefined ? undefined : `col=${annotation.column}`,
      annotation.title === undefined ? undefined : `title=${escapeAnnotationProperty(annotation.title)}`,
    ].filter(Boolean);
    const head = properties.length > 0 ? `${annotation.level} ${properties.join(',')}` : annotation.level;
    this.io.stdout.write(`${this.safe(`::${head}::${escapeAnnotationData(annotation.message)}`)}\n`);
  }
}
