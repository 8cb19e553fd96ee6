// ESLint: typescript-eslint's recommended rules, a few cheap type-aware ones, and the layer rules that keep
// imports flowing one way: src/api, src/skill, src/operations, src/evals, src/runs and src/shared know nothing
// of VS Code or the layers above them, and src/api and src/skill nothing of the operations built on them.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import of one of these top-level folders of src/, written relative to a file anywhere below src/. */
const layer = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const VSCODE_FREE = {
  name: 'vscode',
  message:
    'src/api, src/skill, src/operations, src/evals, src/runs, src/shared and src/cli stay free of VS Code, so they run (and are tested) in plain Node.',
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'test/fixtures/', 'samples/', '**/*.tmp-*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Type-aware rules that pay for themselves: a forgotten await is a lost error or a race.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      // The client's retry loop throws its own AttemptFailure (no stack needed) and catches it again.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: 'AttemptFailure' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The layers that run in plain Node: the bottom ones, and the command line built on them.
    files: ['src/api/**', 'src/skill/**', 'src/operations/**', 'src/evals/**', 'src/runs/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE_FREE],
          patterns: [
            {
              regex: layer('tree', 'commands', 'workspace', 'documents', 'ui', 'auth', 'testing', 'cli'),
              message:
                'src/api, src/skill, src/operations, src/evals, src/runs and src/cli run in plain Node: they may not import the VS Code layers (nor the bottom ones the command line).',
            },
            {
              regex: layer('extension', 'config', 'log', 'skillBundle', 'skillBundleEntry', 'constants', 'services'),
              message:
                "src/api, src/skill, src/operations, src/evals, src/runs and src/cli may not import the extension's VS Code modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**', 'src/skill/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE_FREE],
          patterns: [
            {
              regex: layer(
                'tree',
                'commands',
                'workspace',
                'documents',
                'ui',
                'auth',
                'testing',
                'operations',
                'evals',
                'runs',
              ),
              message:
                'src/api and src/skill are the bottom layers: they may not import the operations built on them, nor the VS Code layers above.',
            },
            {
              regex: layer('extension', 'config', 'log', 'skillBundle', 'skillBundleEntry', 'constants'),
              message: "src/api and src/skill may not import the extension's VS Code modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [VSCODE_FREE],
          patterns: [{ regex: '^\\.\\./', message: 'src/shared is below every layer: it imports none of them.' }],
        },
      ],
    },
  },
  {
    // The commands' decisions and wording, unit-tested in plain Node: VS Code's types only, nothing that
    // loads it.
    files: ['src/commands/plans/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...VSCODE_FREE, allowTypeImports: true }],
          patterns: [
            {
              regex:
                '^\\.\\./(support|(\\.\\./(workspace|documents|ui|auth|config|log|skillBundle|extension|tree/(nodes|skillsModel|skillsTreeProvider|skillsView|skillTooltip))))(/|$)',
              allowTypeImports: true,
              message: 'src/commands/plans runs in plain Node: it may import only the types of what loads VS Code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/tree/**', 'src/workspace/**', 'src/documents/**', 'src/ui/**', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: layer('commands'),
              message:
                'Commands sit above the tree, the workspace, the documents, the shared pickers and the testing layer: move what both need to a neutral module (src/constants.ts, src/ui/modelChoice.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
