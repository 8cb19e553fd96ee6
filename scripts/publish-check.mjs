// The first step of `vscode:prepublish`, which `vsce package`, `vsce publish` and `ovsx publish` all run: a
// publish is refused while the manifest has no `repository` (the public URL is not known yet, and a made-up
// one gives broken, squattable links) or the CHANGELOG has no dated entry for the version. Packaging (the
// tests, `npm start`) goes on: `--allow-missing-repository` stays for it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How far up the process tree a publish command is looked for (vsce → sh → npm → sh → this script). */
const MAX_ANCESTORS = 12;

/** Whether one of these command lines is `vsce publish` or `ovsx publish` (through npx, node or a shim). */
export function isPublish(commandLines) {
  return commandLines.some((line) => {
    const words = line.split(/\s+/);
    const tool = words.findIndex((w) => /(^|[\\/])(vsce|ovsx)(\.cmd|\.js)?$/.test(w));
    return tool >= 0 && words.slice(tool + 1).find((w) => !w.startsWith('-')) === 'publish';
  });
}

/** What stops a publish of this manifest with this CHANGELOG, in words that say what to fix; empty: nothing. */
export function publishRefusals(manifest, changelog) {
  const refusals = [];
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!repository) {
    refusals.push(
      'package.json has no "repository". Add the public URL of the repository this extension is published from ' +
        '(the Marketplace and Open VSX link to it, and SECURITY.md sends reports there); never a made-up one.',
    );
  }
  const version = manifest.version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`^## \\[${version}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
    refusals.push(
      `CHANGELOG.md has no entry "## [${manifest.version}] - YYYY-MM-DD": move what [Unreleased] lists under it, dated.`,
    );
  }
  return refusals;
}

/** The command lines of this process's ancestors, nearest first; empty where the OS does not say. */
function ancestorCommandLines() {
  const lines = [];
  let pid = process.ppid;
  for (let i = 0; i < MAX_ANCESTORS && pid > 1; i++) {
    const parent = describeProcess(pid);
    if (!parent) break;
    lines.push(parent.commandLine);
    pid = parent.ppid;
  }
  return lines;
}

function describeProcess(pid) {
  try {
    if (process.platform === 'linux') {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      // The fields after the command's name, which may hold spaces and parentheses: ppid is the second.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return { commandLine, ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) };
    }
    if (process.platform === 'win32') {
      const out = execFileSync(
        'powershell.exe',
        [
          '-NoProfile',
          '-Command',
          `$p = Get-CimInstance Win32_Process -Filter "ProcessId=${pid}"; "$($p.ParentProcessId)"; $p.CommandLine`,
        ],
        { encoding: 'utf8', timeout: 10_000 },
      );
      const [ppid, ...rest] = out.split(/\r?\n/);
      return { commandLine: rest.join(' ').trim(), ppid: Number(ppid) };
    }
    const out = execFileSync('ps', ['-o', 'ppid=', '-o', 'args=', '-p', String(pid)], {
      encoding: 'utf8',
      timeout: 10_000,
    }).trim();
    const [, ppid, commandLine] = /^(\d+)\s+(.*)$/s.exec(out) ?? [];
    return ppid ? { commandLine, ppid: Number(ppid) } : undefined;
  } catch {
    return undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (isPublish(ancestorCommandLines())) {
    const root = join(import.meta.dirname, '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const refusals = publishRefusals(manifest, readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
    if (refusals.length > 0) {
      console.error(`Refusing to publish ${manifest.name} ${manifest.version}:`);
      for (const refusal of refusals) console.error(`  - ${refusal}`);
      process.exit(1);
    }
  }
}
