// The command line's start: `claude-skills --version` and a validate of one folder, each a cold process,
// against `node -e 0` (the floor: Node starting and exiting) in the same run. Budget: under 3×.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/vscodeServer';
import { RUNS, figure, ms, row, times, type Figure } from './support';

function processFigure(args: string[]): Figure {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    // validate exits 1 on an error: the time is what counts here, not the verdict.
    try {
      execFileSync(process.execPath, args, { stdio: 'ignore' });
    } catch {
      /* timed all the same */
    }
    samples.push(performance.now() - start);
  }
  return figure(samples);
}

export function benchCli(root: string): void {
  const folder = join(root, 'cli-one', 'greet');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'SKILL.md'), '---\nname: greet\ndescription: Greets. Use to say hello.\n---\n\n# Greet\n');
  const cli = join(repoRoot, 'dist', 'cli.js');
  const floor = processFigure(['-e', '0']);
  const version = processFigure([cli, '--version']);
  const validate = processFigure([cli, 'validate', folder]);
  row('cli', 'node -e 0 (the floor)', ms(floor), '1.00');
  row('cli', 'claude-skills --version', ms(version), `${times(version, floor)} node, budget 3×`);
  row('cli', 'claude-skills validate of one folder', ms(validate), `${times(validate, floor)} node, budget 3×`);
}
