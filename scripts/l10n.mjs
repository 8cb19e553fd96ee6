// `npm run l10n`: writes l10n/bundle.l10n.json from every vscode.l10n.t and @vscode/l10n t call in src/.
// `--check` writes nothing and fails when the committed bundle is not what src/ says (the lint layer runs
// it); `--pseudo` writes l10n/bundle.l10n.qps-ploc.json, every message accented, for the host test that loads
// it (git ignores it, and the package's allow-list leaves it out).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
const bundle = join(root, 'l10n', 'bundle.l10n.json');
const l10nDev = (...args) => execFileSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'pipe' });

const [mode] = process.argv.slice(2);
if (mode === '--check') {
  const out = mkdtempSync(join(tmpdir(), 'l10n-'));
  try {
    l10nDev('export', '--outDir', out, './src');
    const fresh = readFileSync(join(out, 'bundle.l10n.json'), 'utf8');
    if (fresh !== readFileSync(bundle, 'utf8')) {
      console.error('l10n/bundle.l10n.json is stale: run `npm run l10n` and commit it.');
      process.exit(1);
    }
    console.log('l10n/bundle.l10n.json matches src/.');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
} else if (mode === '--pseudo') {
  l10nDev('generate-pseudo', bundle);
} else {
  l10nDev('export', '--outDir', './l10n', './src');
  console.log(`wrote ${bundle}`);
}
