// The `claude-skills` executable (dist/cli.js): the process handed to main(), its exit code set, not forced,
// so pending output is written first.
import { createInterface } from 'node:readline/promises';
import { main } from './main';

/** A question on the terminal, asked on stderr so that stdout stays the result. */
async function ask(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  ask: process.stdin.isTTY ? ask : undefined,
}).then((code) => {
  process.exitCode = code;
});
