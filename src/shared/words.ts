// Counting words for messages, shared by every layer: no `vscode`, no imports at all.

/** "1 version", "12 versions", "1,000 skills". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first `max` lines of a list for a modal's detail, then "and N more" for the rest. */
export function firstLines(items: readonly string[], max = 10): string[] {
  return items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`] : [...items];
}
