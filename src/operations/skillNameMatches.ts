// The skill each folder name matches when a folder remembers no target (a fresh clone, another machine):
// the custom skill whose slug is the name. The custom skills are listed once until reset (Refresh); slugs
// come from the memory, and those it lacks are read in bounded batches, each skill at most once.
import type { SkillsClient } from '../api/skillsClient';
import { describeError } from '../api/errors';
import type { Skill } from '../api/types';
import { plural } from '../shared/words';
import { listNameMatchableSkills, matchSlugs, type SlugMemory } from './skillLookup';
import * as l10n from '@vscode/l10n';

export type NameMatch =
  | { kind: 'matched'; skill: Skill }
  /** Certain: no custom skill has this slug. */
  | { kind: 'none' }
  /** Not known: the list could not be read, or some skills' slugs are still unread. */
  | { kind: 'unknown'; reason: string };

export interface SkillNameMatchesDeps {
  client: Pick<SkillsClient, 'skillPages' | 'getVersion'>;
  slugs: SlugMemory;
}

/** Latest versions read at most between resets: a few hundred skills' worth, then Refresh reads on. */
export const MAX_SLUG_READS = 400;

export class SkillNameMatches {
  private listing?: Promise<Skill[]>;
  private readonly found = new Map<string, Promise<NameMatch>>();
  /** One lookup at a time, so that no skill's slug is read twice. */
  private queue: Promise<unknown> = Promise.resolve();
  private readsLeft = MAX_SLUG_READS;
  private generation = 0;

  constructor(private readonly deps: SkillNameMatchesDeps) {}

  /** The custom skills as listed since the last reset (listed now if they were not). */
  skills(): Promise<Skill[]> {
    if (!this.listing) {
      const listing = listNameMatchableSkills(this.deps.client);
      this.listing = listing;
      listing.catch(() => this.listing === listing && (this.listing = undefined));
    }
    return this.listing;
  }

  /** Whether `name` was looked up since the last reset (its match costs no request). */
  has(name: string): boolean {
    return this.found.has(name);
  }

  /**
   * The skill whose slug is `name`, looked up once per reset; `again` looks again when the last lookup could
   * not tell (a command the user asked for, not a row redrawn).
   */
  async match(name: string, again = false): Promise<NameMatch> {
    if (again && (await this.found.get(name))?.kind === 'unknown') this.found.delete(name);
    let match = this.found.get(name);
    if (!match) {
      const generation = this.generation;
      match = this.queue.then(() => this.look(name, generation));
      this.queue = match.catch(() => undefined);
      this.found.set(name, match);
    }
    return match;
  }

  /** Everything again: the list, and every name (slugs stay known). */
  reset(): void {
    this.generation++;
    this.listing = undefined;
    this.found.clear();
    this.readsLeft = MAX_SLUG_READS;
  }

  private async look(name: string, generation: number): Promise<NameMatch> {
    // Reset while waiting: the rows that asked are gone with it.
    if (generation !== this.generation) return { kind: 'unknown', reason: l10n.t('it is being looked up again') };
    let skills: Skill[];
    try {
      skills = await this.skills();
    } catch (err) {
      return { kind: 'unknown', reason: l10n.t('your skills could not be listed: {0}', describeError(err)) };
    }
    const { matches, unread, read } = await matchSlugs(this.deps.client, skills, [name], this.deps.slugs, {
      maxReads: this.readsLeft,
    });
    this.readsLeft -= read;
    const skill = matches.get(name);
    if (skill) return { kind: 'matched', skill };
    if (unread === 0) return { kind: 'none' };
    return {
      kind: 'unknown',
      reason: l10n.t('the names of {0} could not be read yet: Refresh tries again', plural(unread, 'skill')),
    };
  }
}
