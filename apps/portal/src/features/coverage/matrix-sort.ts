import type { MatrixRow } from './api';

/** `code` (the API's order), `name`, `total`, or `kind:<code>`. */
export type MatrixSortKey = 'code' | 'name' | 'total' | `kind:${string}`;
export type SortDirection = 'ascending' | 'descending';

function valueOf(row: MatrixRow, key: MatrixSortKey): number | string {
  if (key === 'code') return row.code;
  if (key === 'name') return row.name;
  if (key === 'total') return row.total;
  return row.counts[key.slice('kind:'.length)] ?? 0;
}

/** The rows in the order asked (`code` ascending: the API's order); ties by division code. Names compare in the UI locale. */
export function sortMatrixRows(rows: readonly MatrixRow[], key: MatrixSortKey, direction: SortDirection, locale: string): MatrixRow[] {
  if (key === 'code' && direction === 'ascending') return [...rows]; // as the API lists them
  const collator = new Intl.Collator(locale);
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = valueOf(a, key);
    const right = valueOf(b, key);
    const order = typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right));
    return sign * order || a.code.localeCompare(b.code);
  });
}
