import type * as SkillModule from './skillBundle';

let loaded: typeof SkillModule | undefined;

/**
 * The skill folder checks and packaging (yaml, ignore, jszip: about 250 KB) and the evals engine, loaded
 * on first use so that VS Code's start does not pay for them. In the package, dist/skill.js sits next to dist/extension.js.
 */
export function skillModule(): typeof SkillModule {
  // A plain require, which esbuild leaves alone (./skill.js is external): the second bundle loads here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./skill.js') as typeof SkillModule;
  return loaded;
}
