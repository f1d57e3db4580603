export { createListWriter, MEDIA_TYPES, DEFAULT_COLUMN_WIDTH, type ExportFormat, type CsvEncoding, type SheetSpec, type ListWriter, type ListWriterOptions } from './list-writer.js';
export { writeCoverageReport, type CoverageReportInput } from './coverage-report.js';
export { SheetNames, MAX_SHEET_NAME_LENGTH } from './sheet-names.js';
export { escapeHeaderFooter, type PrintMeta } from './print-setup.js';
