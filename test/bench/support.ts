// What the benchmarks share: figures (median, min, max), the table they print, and the emulator in a
// process of its own.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioSkill } from '../emulator/scenario';
import { repoRoot } from '../support/vscodeServer';

export const KEY = 'sk-ant-bench-0000';
export const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export interface Figure {
  median: number;
  min: number;
  max: number;
}

export function figure(samples: number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

const rows: string[][] = [];
export function row(section: string, what: string, value: string, ratio = ''): void {
  rows.push([section, what, value, ratio]);
}
export const ms = (f: Figure) => `${f.median.toFixed(1)} ms (${f.min.toFixed(1)}–${f.max.toFixed(1)})`;
export const times = (a: Figure, b: Figure) => `${(a.median / b.median).toFixed(2)}×`;

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * The emulator in a process of its own, as a server is: curl runs in its own process, so an emulator
 * sharing ours would take its parsing out of our thread and the SDK's but not out of curl's.
 */
export async function startEmulatorProcess(
  root: string,
  options: { skills?: ScenarioSkill[]; latencyMs?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const scenario = join(root, 'bench-scenario.json');
  writeFileSync(scenario, JSON.stringify({ apiKeys: [KEY], skills: options.skills ?? [] }));
  const args = [join(repoRoot, 'out/test/emulator/main.js'), '--scenario', scenario];
  if (options.latencyMs) args.push('--latency-ms', String(options.latencyMs));
  const child = spawn(process.execPath, args);
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const match = /listening on (\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening`)));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => (child.kill(), child.on('exit', () => resolve()))),
  };
}

export function print(): void {
  const header = ['', 'what', 'median (min–max)', 'ratio'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
