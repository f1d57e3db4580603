// Benchmark: the export writers (@sitenet/spreadsheets) on 100,000 rows × 20 columns.
//
// Each format runs in a child process of its own (xlsx, csv UTF-8, csv GB18030), writing to a
// sink that only counts bytes, so the figures are the writer's: the time, the process's peak RSS
// (resourceUsage().maxRSS), and the RSS after each quarter of the rows. Memory that stays flat
// from the first quarter to the last is what lets the API stream 200,000 sites (EXPORT_LIMITS)
// without holding them; an RSS that grew with the rows would be a buffering bug.
//
// Run after a build: npx turbo run build --filter=@sitenet/spreadsheets && node bench/export-writer.mjs
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = [
  { format: 'xlsx' },
  { format: 'csv', encoding: 'utf-8' },
  { format: 'csv', encoding: 'gb18030' },
];

const columns = [
  ...['name', 'address', 'operator.name', 'contact.person', 'region.province', 'region.city', 'region.county'].map((key) => ({ key, type: 'text', width: 20 })),
  ...['operator.creditCode', 'contact.phone', 'regionCode', 'id'].map((key) => ({ key, type: 'text', textFormat: true, width: 20 })),
  ...['attributes.employees', 'attributes.disabledEmployees', 'attributes.area'].map((key) => ({ key, type: 'integer' })),
  { key: 'location.lat', type: 'number' },
  { key: 'location.lng', type: 'number' },
  { key: 'openedOn', type: 'date' },
  { key: 'barrierFree', type: 'boolean' },
  { key: 'status', type: 'choice' },
  { key: 'updatedAt', type: 'datetime', readOnly: true },
].map((c) => ({ required: false, readOnly: false, ...c, header: { 'zh-CN': `列 ${c.key}`, en: c.key } }));

function row(i) {
  return [
    `长春市朝阳区阳光家园辅助性就业机构 ${i}`,
    `吉林省长春市朝阳区红旗街 ${i} 号`,
    `长春市朝阳区残疾人联合会 ${i % 500}`,
    '张三',
    '吉林省',
    '长春市',
    '朝阳区',
    `91220101MA${String(i).padStart(7, '0')}X`,
    `0431${String(i).padStart(7, '0')}`,
    '220104',
    `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    i % 120,
    i % 40,
    200 + (i % 300),
    43.88 + (i % 100) / 1e4,
    125.32 + (i % 100) / 1e4,
    '2021-03-15',
    i % 2 === 0,
    '已通过',
    new Date(Date.UTC(2026, 10, 1, 0, i % 1440)),
  ];
}

async function runOne(format, encoding) {
  const { createListWriter } = await import('@sitenet/spreadsheets');
  let bytes = 0;
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const meta = { title: '网点名单', region: '吉林省', generatedAt: new Date(), source: 'sitenet' };
  const writer = createListWriter(sink, { format, encoding, locale: 'zh-CN', meta });
  const rss = [];
  const started = performance.now();
  await writer.sheet({ name: '辅助性就业机构', columns });
  for (let i = 0; i < ROWS; i += 1) {
    await writer.row(row(i));
    if ((i + 1) % (ROWS / 4) === 0) rss.push(Math.round(process.memoryUsage.rss() / 2 ** 20));
  }
  await writer.finish();
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  return { seconds, bytes, peak, rss };
}

const [, , childFormat, childEncoding] = process.argv;
if (childFormat) {
  console.log(JSON.stringify(await runOne(childFormat, childEncoding === '-' ? undefined : childEncoding)));
} else {
  console.log(`export writers: ${ROWS.toLocaleString('en')} rows × ${columns.length} columns to a counting sink (Node ${process.versions.node})`);
  console.log('| format | time | rows/s | bytes | peak RSS | RSS after ¼, ½, ¾, all rows |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const { format, encoding } of RUNS) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), format, encoding ?? '-'], { encoding: 'utf8', env: process.env });
    const r = JSON.parse(out.trim().split('\n').pop());
    const label = encoding ? `${format} ${encoding}` : format;
    console.log(`| ${label} | ${r.seconds.toFixed(1)} s | ${Math.round(ROWS / r.seconds).toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(1)} MiB | ${r.peak} MiB | ${r.rss.join(', ')} MiB |`);
  }
}
