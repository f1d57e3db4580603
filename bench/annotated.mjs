// Benchmark: the annotated file of a 20,000-row .xlsx (issue 10, GET /api/imports/:id/annotated),
// written on the calling thread (annotateHere) and in its worker thread (writeAnnotated, what the
// API calls). Prints each one's time and the longest gap between ticks of a 10 ms interval on the
// calling thread meanwhile (how long every other request of the API would wait). Never asserted.
//
// Run after a build: npx turbo run build --filter=@sitenet/spreadsheets && node bench/annotated.mjs
import ExcelJS from 'exceljs';
import { writeAnnotated } from '../packages/spreadsheets/dist/annotated.js';
import { annotateHere } from '../packages/spreadsheets/dist/annotated-write.js';
import { longestTickGap } from '../packages/spreadsheets/dist/testing/event-loop.js';

const ROWS = Number(process.env.BENCH_ANNOTATED_ROWS ?? 20_000);
const HEADER = ['网点名称', '统一社会信用代码', '联系电话', '参与人数', '地址', '负责人', '备注', '开办日期'];

const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('名单');
sheet.addRow(HEADER);
for (let i = 0; i < ROWS; i += 1) sheet.addRow([`网点${i + 1}`, '91220102MA0Y3XLN2K', `0431-${80_000_000 + i}`, i % 50, `南关区人民大街${i}号`, '张三', '', '2024-01-01']);
const bytes = Buffer.from(await book.xlsx.writeBuffer());
const issues = Array.from({ length: ROWS }, (_, i) => ({ row: i + 1, cell: `C${i + 2}`, column: null, code: 'bench', messages: { 'zh-CN': '电话号码无效', en: 'Not a phone number' }, value: null, severity: 'error' }));
const facts = { format: 'xlsx', encoding: null, sheet: '名单', headerRow: 1 };

async function measure(label, write) {
  const { result: file, maxGapMs, tookMs } = await longestTickGap(() => write(bytes, facts, issues, 'zh-CN'));
  console.log(`${label}: ${(tookMs / 1000).toFixed(2)} s, ${file.bytes.length} bytes, longest event-loop gap ${maxGapMs.toFixed(0)} ms`);
}

console.log(`${ROWS} rows, ${HEADER.length} columns, one issue per row`);
await measure('on the calling thread (before)', annotateHere);
await measure('in a worker thread (writeAnnotated)', writeAnnotated);
