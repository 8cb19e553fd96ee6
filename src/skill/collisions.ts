// Trigger collisions: two skills of one workspace whose descriptions say nearly the same thing, so that a
// model choosing by description may take either. The measure is documented for authors (README, "Authoring
// checks"):
// the Jaccard similarity of the descriptions' content words — lower-cased words of three or more letters,
// each cut to its first five letters (so "reviews" and "reviewing" are one), common function words left
// out — and a pair collides at COLLISION_THRESHOLD or more. Pairs with the same slug are not collisions:
// an installed copy of a published skill, a skill and its eval draft.

/** At or above this share of content words in common, two descriptions collide. */
export const COLLISION_THRESHOLD = 0.6;

const STOP_WORDS = new Set(
  'the and for with when use uses used this that these those from into onto your you are was were its has have not any all can may will such than then them they their what which who whom how why also only more most other some each very just over under about after before while where there here'.split(
    ' ',
  ),
);

/** The content words of a description, as the measure compares them. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}]{2,}/gu) ?? [];
  return new Set(words.filter((w) => !STOP_WORDS.has(w)).map((w) => w.slice(0, 5)));
}

/** |A ∩ B| ÷ |A ∪ B| of the two sets; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface DescribedSkill {
  /** What names it to the author: its folder. */
  key: string;
  slug: string | undefined;
  description: string;
}

export interface Collision {
  a: string;
  b: string;
  similarity: number;
}

/** Every colliding pair, most similar first. Quadratic, on word sets made once: 200 skills are 19,900 pairs. */
export function findCollisions(skills: readonly DescribedSkill[], threshold = COLLISION_THRESHOLD): Collision[] {
  const sets = skills.map((s) => contentWords(s.description));
  const found: Collision[] = [];
  for (let i = 0; i < skills.length; i++) {
    for (let j = i + 1; j < skills.length; j++) {
      if (skills[i].slug !== undefined && skills[i].slug === skills[j].slug) continue;
      const similarity = jaccard(sets[i], sets[j]);
      if (similarity >= threshold) found.push({ a: skills[i].key, b: skills[j].key, similarity });
    }
  }
  return found.sort((x, y) => y.similarity - x.similarity);
}
