#!/usr/bin/env node
// Installs what the host and UI tests need and a fresh machine lacks. Idempotent: a second run with
// everything in place only checks and prints the VS Code version.
//   - Debian packages (as root through apt-get, otherwise a message naming them)
//   - Node 24 and code-server at the versions pinned in scripts/host/, into a cache outside the clone
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostPaths } from './lib/host.mjs';

const APT_PACKAGES = [
  // the UI tests' browser
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  // code-server's native modules: kerberos needs gssapi headers; node-gyp needs a compiler and make
  { pkg: 'libkrb5-dev', present: () => dpkgInstalled('libkrb5-dev') },
  { pkg: 'build-essential', present: () => onPath('g++') && onPath('make') },
  { pkg: 'pkg-config', present: () => onPath('pkg-config') },
  { pkg: 'python3', present: () => onPath('python3') },
  // the host tests' certificates for an https emulator behind a proxy
  { pkg: 'openssl', present: () => onPath('openssl') },
];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
}
function onPath(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}
function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function installAptPackages() {
  const missing = APT_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing system packages: ${missing.join(' ')}.\n` +
        `Install them and run again:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`setup-host: installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** `npm ci` of a pinned manifest into its cache folder; built aside and renamed, so a broken run leaves nothing. */
function installPart(part, env) {
  const marker = join(part.installDir, '.installed');
  if (existsSync(marker)) return;
  const staging = `${part.installDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(part.manifestDir, f), join(staging, f));
  console.log(`setup-host: installing ${part.pkg}@${part.version} into ${part.installDir} (once per machine)`);
  const started = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: staging, env });
  writeFileSync(join(staging, '.installed'), new Date().toISOString());
  rmSync(part.installDir, { recursive: true, force: true });
  renameSync(staging, part.installDir);
  console.log(`setup-host: ${part.pkg} ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * The environment without the npm_* variables of the npm lifecycle this may run in (`npm test`'s pretest):
 * a nested npm would take them as its own config, e.g. the parent's user agent, from which code-server's
 * postinstall reads the Node version.
 */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

export function setupHost() {
  installAptPackages();
  const paths = hostPaths();
  installPart(paths.node, cleanEnv());
  // code-server's postinstall requires npm to run on Node 24, and node-gyp must build against Node 24's
  // headers (a user's ~/.npmrc may point nodedir at the system Node).
  installPart(
    paths.codeServer,
    cleanEnv({
      PATH: `${join(paths.nodeHome, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: paths.nodeHome,
    }),
  );
  const version = spawnSync(paths.node24, [paths.serverMain, '--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`The VS Code server does not start: ${version.stderr}`);
  console.log(`setup-host: VS Code server ${version.stdout.split('\n')[0]} on Node ${paths.node.version}`);
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    setupHost();
  } catch (err) {
    console.error(`setup-host: ${err.message}`);
    process.exit(1);
  }
}
