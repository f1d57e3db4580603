export { createListWriter, MEDIA_TYPES, DEFAULT_COLUMN_WIDTH, type ExportFormat, type CsvEncoding, type SheetSpec, type ListWriter, type ListWriterOptions } from './list-writer.js';
export { writeCoverageReport, type CoverageReportInput } from './coverage-report.js';
export { SheetNames, MAX_SHEET_NAME_LENGTH } from './sheet-names.js';
export { escapeHeaderFooter, type PrintMeta } from './print-setup.js';
export { readWorkbook, sniff, TEMPLATE_MARKER_NAME, TEMPLATE_LISTS_SHEET, type ReadOptions } from './read/read-workbook.js';
export { fileFailure, CSV_ENCODINGS, type CsvReadEncoding, type FileFailureCode } from './read/messages.js';
export { csvEncodingOf } from './read/csv.js';
export { writeTemplate, REQUIRED_MARK, MAX_COUNTY_OPTIONS, type TemplateOptions } from './template.js';
export { writeAnnotated, type AnnotatedFacts, type AnnotatedFile, type AnnotatedIssue } from './annotated.js';
