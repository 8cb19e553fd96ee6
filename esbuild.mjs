// Bundles the extension into dist/extension.js, and the skill folder checks (yaml, ignore, jszip) with the
// evals engine into dist/skill.js, which the extension loads on first use; the command line into dist/cli.js. `--production` minifies; `--watch` rebuilds.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors the way the `$esbuild-watch` problem matcher reads them. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * secretlint's preset loads node-forge (280 KB, a third of dist/skill.js) for one thing: opening a `.p12`
 * file with GCP's known password. A skill folder's `.p12` is refused by its name (src/skill/files.ts), and
 * a binary file is never passed to the scanner (secrets.ts), so that chunk is replaced by an empty one: the
 * rule's own `catch` then finds nothing, as it would in a browser.
 */
const withoutNodeForge = {
  name: 'without-node-forge',
  setup(build) {
    build.onLoad({ filter: /secretlint-rule-preset-recommend[\\/]module[\\/]index-[\w-]+\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('Node.js module for Forge')) return undefined;
      return { contents: 'export const i = {};', loader: 'js' };
    });
  },
};

/** The bundles' options, shared with the test that checks what the main bundle may not hold. */
export const bundleOptions = {
  entryPoints: { extension: 'src/extension.ts', skill: 'src/skillBundleEntry.ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  external: ['vscode', './skill.js'],
  // jsonc-parser's `main` is a UMD build whose factory requires its parts at run time, out of esbuild's
  // sight: its ES module build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  plugins: [withoutNodeForge],
};

/**
 * The `claude-skills` command line: one file with its dependencies (undici included), run by Node ≥ 20. No
 * `vscode` is external here, so a VS Code import anywhere below the CLI fails the build.
 */
export const cliBundleOptions = {
  entryPoints: { cli: 'src/cli/index.ts' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
  alias: bundleOptions.alias,
  plugins: [withoutNodeForge],
};

// Run as a script, it builds; imported (for bundleOptions), it builds nothing.
if (import.meta.url === `file://${process.argv[1]}`) await main();

async function main() {
  const contexts = await Promise.all(
    [bundleOptions, cliBundleOptions].map((options) =>
      esbuild.context({
        ...options,
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        plugins: [...options.plugins, ...(watch ? [problemMatcherPlugin] : [])],
        logLevel: watch ? 'silent' : 'warning',
      }),
    ),
  );

  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
  } else {
    const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
    if (results.some((result) => result.errors.length > 0)) process.exit(1);
  }
}
