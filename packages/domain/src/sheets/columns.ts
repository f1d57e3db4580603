import type { LocalizedText } from '../errors/localized.js';

/**
 * The columns of a site spreadsheet (an export today, a template and an import next): one
 * declaration per column, derived from the site's fields, never a second field list. The writers
 * (@sitenet/spreadsheets) format cells by `type` and `textFormat`; an import will read them back
 * by the same columns, so an export re-imports unchanged.
 */

/**
 * How a cell holds its value: `date` is a 'YYYY-MM-DD' string, `datetime` a Date, `boolean` is
 * written 是/否 (Yes/No), `choice` one option's label, `multi-choice` labels joined with '、',
 * `list` free values joined with '、'.
 */
export type SheetCellType = 'text' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'choice' | 'multi-choice' | 'list';

export interface SheetColumn {
  /** Stable: 'name', 'operator.creditCode', 'region.province', 'attributes.employees', 'id', 'status', 'updatedAt'. */
  key: string;
  /** The column header in each language (from the field's one declaration). */
  header: LocalizedText;
  /** The field's help text (unit, bounds). */
  note?: LocalizedText;
  type: SheetCellType;
  options?: { value: string; label: LocalizedText }[];
  required: boolean;
  /** Export-only columns (id, status, updatedAt, kind): an import ignores them. */
  readOnly: boolean;
  /** Written as text so Excel keeps the digits (credit code, phone, region code). */
  textFormat?: boolean;
  /** Width in characters. */
  width?: number;
}

/** A cell as the writers take it (null: empty). */
export type SheetCell = string | number | boolean | Date | null;

/** One unit of a site's region path, from the province (level 1) down. */
export interface RegionPathEntry {
  code: string;
  name: string;
  level: number;
}
