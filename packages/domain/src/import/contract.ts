import type { Jurisdiction } from '../regions/jurisdiction.js';
import type { UnitBoundary } from '../geo/unit-boundary.js';
import type { SiteKindDefinition } from '../kinds/site-kind.js';
import type { ImportColumnReport, ImportFailure, ImportIssue } from '../schemas/imports.js';

/**
 * The contract between the file readers (@sitenet/spreadsheets), the row checks (this folder)
 * and the API's import jobs. Pure data: no I/O.
 */

/** A cell as read: text, a number (an Excel date is its serial number unless the reader gave text), a boolean, or empty. */
export type GridCell = string | number | boolean | null;

/** One sheet of an uploaded file as the reader gives it. */
export interface SheetGrid {
  /** The sheet's name (a CSV: its file name). */
  name: string;
  /** rows[i][j] is the cell at sheet row i + 1, column j + 1 (A = 0). Trailing empty rows dropped. */
  rows: GridCell[][];
  /** The workbook uses the 1904 date system (Excel for Mac before 2011). */
  date1904: boolean;
  /** Sheet row numbers (1-based) hidden in the file: imported, with a warning. */
  hiddenRows: number[];
}

/** What the reader found in a file. */
export interface ReadWorkbook {
  format: 'xlsx' | 'xls' | 'csv';
  /** CSV: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'; null for workbooks. */
  encoding: string | null;
  /** Visible sheets, in workbook order. */
  sheets: SheetGrid[];
  /** Names of hidden sheets (skipped; our template's own `_lists` is not listed). */
  hiddenSheets: string[];
  /** The kind code our template marks its workbook with (defined name `sitenet_kind`), if any. */
  templateKind: string | null;
}

/** The reader's refusal of a whole file (codes: see FILE_FAILURE_CODES). */
export type ReadResult = { ok: true; workbook: ReadWorkbook } | { ok: false; failure: ImportFailure };

/** The file-level refusal codes (the reader's and the checks'). */
export const FILE_FAILURE_CODES = [
  'file.too_large',
  'file.not_spreadsheet',
  'file.unsupported_format',
  'file.password_protected',
  'file.corrupt',
  'file.zip_bomb',
  'file.too_many_rows',
  'file.too_many_columns',
  'file.empty',
  'file.no_header',
  'file.missing_columns',
  'file.duplicate_columns',
  'file.wrong_kind',
  'file.formulas',
  'file.merged_cells',
  'file.timeout',
  'file.too_complex',
] as const;

/** One unit of the divisions, as the import resolves names and codes against them. */
export interface RegionUnit {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  /** The division type as seeded (REGION_TYPES: 'district', 'county', 'town', 'subdistrict', …). */
  type: string;
  parentCode: string | null;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
  centroid: { lat: number; lng: number } | null;
}

/** The divisions, loaded once per process. */
export interface RegionDirectory {
  get(code: string): RegionUnit | undefined;
  children(code: string | null): readonly RegionUnit[];
  /** Every unit with this full or short name (短名: 长春市 → 长春, 延边朝鲜族自治州 → 延边). */
  named(name: string): readonly RegionUnit[];
}

/** What the row checks need besides the grid. */
export interface ImportCheckContext {
  kind: SiteKindDefinition;
  /** The request schema the API validates a registration with (`buildSiteSchemas(registry).create`). */
  createSchema: import('zod').ZodType;
  regions: RegionDirectory;
  /** The importing user's jurisdiction: a row outside it is an error with the API's code. */
  scope: Jurisdiction;
  /** Every installed kind: a sheet whose headers are another kind's is refused as that kind's template (file.wrong_kind). */
  installedKinds?: readonly SiteKindDefinition[];
  /**
   * The shipped boundary of a county-level unit (null: none shipped, not checked): a row's point
   * is checked against its county as the API checks a registration (far: error; outside within
   * 20 km: a warning, committing the checked file confirms it). Absent: no location check.
   */
  boundaryOf?: (countyCode: string) => UnitBoundary | null;
  /** Called every few hundred rows; awaited (the API yields to the event loop here). */
  progress?: (done: number, total: number) => Promise<void> | void;
}

/** One data row after the checks. */
export interface CheckedRow {
  row: number;
  sheetRow: number;
  /** The validated request body (the create schema's output), or null when the row has errors. */
  body: Record<string, unknown> | null;
  /** 网点编号 when the file carries it (an export re-imported): the site it updates. */
  siteId: string | null;
  issues: ImportIssue[];
  summary: { name: string | null; creditCode: string | null; region: string | null };
  /** Coordinates were empty: the body holds the unit's centroid (stored with locationSource 'centroid'). */
  centroidLocation: boolean;
}

export type CheckResult =
  | { ok: true; columns: ImportColumnReport; rows: CheckedRow[]; fileIssues: ImportIssue[] }
  | { ok: false; failure: ImportFailure; columns: ImportColumnReport | null };
