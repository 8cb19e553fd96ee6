// The `claude-skills` executable (dist/cli.js): the process handed to main(), its exit code set, not forced,
// so pending output is written first.
import { main } from './main';

void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
