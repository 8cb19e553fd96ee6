// Rows grouped under the roots that hold them, for a multi-root workspace: the roots in their own order,
// those holding no row left out, each root's rows in the order given. No `vscode` import: tested in Node.

export interface RowGroup<R, T> {
  root: R;
  rows: T[];
}

export function groupRows<R, T>(
  rows: readonly T[],
  roots: readonly R[],
  rootOf: (row: T) => R | undefined,
): RowGroup<R, T>[] {
  return roots
    .map((root) => ({ root, rows: rows.filter((row) => rootOf(row) === root) }))
    .filter((group) => group.rows.length > 0);
}
