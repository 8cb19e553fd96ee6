// Counting words for messages, shared by every layer: numbers, sizes and plurals in the display language.
import * as l10n from '@vscode/l10n';
import { displayLanguage } from './locale';

/** Intl's formatters are costly to make: one per display language and kind. */
type Formatter = Intl.NumberFormat | Intl.PluralRules | Intl.ListFormat;
const made = new Map<string, Formatter>();
function cached<T extends Formatter>(kind: string, make: (language?: string) => T): T {
  const key = `${kind} ${displayLanguage() ?? ''}`;
  let formatter = made.get(key) as T | undefined;
  if (!formatter) made.set(key, (formatter = make(displayLanguage())));
  return formatter;
}

/** A number as the display language writes it: 1,000 or 1.000. */
export const formatNumber = (n: number): string => cached('number', (l) => new Intl.NumberFormat(l)).format(n);

/** A share as the display language writes it: 72 %, 72%. */
export const formatPercent = (share: number): string =>
  cached('percent', (l) => new Intl.NumberFormat(l, { style: 'percent' })).format(share);

/**
 * Items as the display language lists them: "a, b and c" (`and`), or "a, b, c" (`unit`), with its own
 * punctuation and word.
 */
export const formatList = (items: readonly string[], kind: 'and' | 'unit' = 'and'): string =>
  cached(`list-${kind}`, (l) => new Intl.ListFormat(l, { type: kind === 'and' ? 'conjunction' : 'unit' })).format(
    items,
  );

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Each counted noun's forms, translated whole: a language with more plural categories than English
 * (`few`, `many`) falls back to `other` until a form of its own is added here.
 */
const NOUNS = {
  file: (n: string): Forms => ({ one: l10n.t('{0} file', n), other: l10n.t('{0} files', n) }),
  version: (n: string): Forms => ({ one: l10n.t('{0} version', n), other: l10n.t('{0} versions', n) }),
  skill: (n: string): Forms => ({ one: l10n.t('{0} skill', n), other: l10n.t('{0} skills', n) }),
  'eval draft': (n: string): Forms => ({ one: l10n.t('{0} eval draft', n), other: l10n.t('{0} eval drafts', n) }),
  error: (n: string): Forms => ({ one: l10n.t('{0} error', n), other: l10n.t('{0} errors', n) }),
  'skill folder': (n: string): Forms => ({ one: l10n.t('{0} skill folder', n), other: l10n.t('{0} skill folders', n) }),
  problem: (n: string): Forms => ({ one: l10n.t('{0} problem', n), other: l10n.t('{0} problems', n) }),
  warning: (n: string): Forms => ({ one: l10n.t('{0} warning', n), other: l10n.t('{0} warnings', n) }),
  minute: (n: string): Forms => ({ one: l10n.t('{0} minute', n), other: l10n.t('{0} minutes', n) }),
  line: (n: string): Forms => ({ one: l10n.t('{0} line', n), other: l10n.t('{0} lines', n) }),
  'more line': (n: string): Forms => ({ one: l10n.t('{0} more line', n), other: l10n.t('{0} more lines', n) }),
  request: (n: string): Forms => ({ one: l10n.t('{0} request', n), other: l10n.t('{0} requests', n) }),
  eval: (n: string): Forms => ({ one: l10n.t('{0} eval', n), other: l10n.t('{0} evals', n) }),
  expectation: (n: string): Forms => ({ one: l10n.t('{0} expectation', n), other: l10n.t('{0} expectations', n) }),
  'other skill': (n: string): Forms => ({ one: l10n.t('{0} other skill', n), other: l10n.t('{0} other skills', n) }),
};
export type CountedNoun = keyof typeof NOUNS;

/** "1 version", "12 versions", "1,000 skills": the form `Intl.PluralRules` picks for the display language. */
export function plural(count: number, noun: CountedNoun): string {
  const forms = NOUNS[noun](formatNumber(count));
  return forms[cached('plural', (l) => new Intl.PluralRules(l)).select(count)] ?? forms.other;
}

/** The first `max` lines of a list for a modal's detail, then "and N more" for the rest. */
export function firstLines(items: readonly string[], max = 10): string[] {
  return items.length > max
    ? [...items.slice(0, max), l10n.t('and {0} more', formatNumber(items.length - max))]
    : [...items];
}

/** A size as people read it: 512 B, 3.4 KB, 12.0 MB, with the display language's digits. */
export function formatBytes(bytes: number): string {
  const tenths = (n: number) =>
    cached('tenths', (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n);
  if (bytes < 1024) return l10n.t('{0} B', formatNumber(bytes));
  if (bytes < 1024 * 1024) return l10n.t('{0} KB', tenths(bytes / 1024));
  return l10n.t('{0} MB', tenths(bytes / (1024 * 1024)));
}
