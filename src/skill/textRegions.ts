// Offsets in a text as lines and columns (TextRegion) and back, and edits applied: what a fix is made of.
import type { TextEdit, TextRegion } from './problems';

export class LineIndex {
  /** The offset at which each line starts. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  region(start: number, end: number): TextRegion {
    const from = this.position(start);
    const to = this.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
    return Math.min(start + column - 1, this.text.length);
  }

  /** The offset where line `line` (1-based) starts; the text's end past its last line. */
  lineStart(line: number): number {
    return line > this.starts.length ? this.text.length : this.starts[Math.max(line, 1) - 1];
  }
}

/** `text` with `edits` made; they must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({
      start: index.offset(e.region.line, e.region.column),
      end: index.offset(e.region.endLine, e.region.endColumn),
      newText: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const { start, end, newText } of spans) out = out.slice(0, start) + newText + out.slice(end);
  return out;
}
