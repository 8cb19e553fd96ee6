// Counting words for messages, shared by every layer: no `vscode`, no imports at all.

/** "1 version", "12 versions", "1,000 skills". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first `max` lines of a list for a modal's detail, then "and N more" for the rest. */
export function firstLines(items: readonly string[], max = 10): string[] {
  return items.length > max ? [...items.slice(0, max), `and ${items.length - max} more`] : [...items];
}

/** A size as people read it: 512 B, 3.4 KB, 12.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
