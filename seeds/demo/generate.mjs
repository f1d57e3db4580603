// Generates seeds/demo/jilin-sites.json: a FICTIONAL demo set of service sites in Jilin (吉林省),
// the province with the most quantified targets in the plans. Every name, operator, credit code,
// person and phone number is invented; coordinates are near each county's centroid, not real
// premises. Deterministic (seeded PRNG): the same script gives the same file.
//
// Run from the repository root after a build (it validates every site with the product's own
// schemas): npx turbo run build --filter=@sitenet/kinds && node seeds/demo/generate.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SiteKindRegistry, creditCodeCheckCharacter } from '@sitenet/domain';
import { buildSiteSchemas } from '@sitenet/domain/schemas';
import { installedKinds } from '@sitenet/kinds';
import { byCode } from './divisions.mjs';
import { insideCounty } from './inside-county.mjs';
import { seededRandom } from './seeded-random.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const schemas = buildSiteSchemas(new SiteKindRegistry(installedKinds));

const { random, between, pick, chance, uuid } = seededRandom(20251125);
const some = (list, min, max) => [...list].sort(() => random() - 0.5).slice(0, between(min, max));
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(countyCode, prefix) {
  // Registration authority and type (51/52 social organisations, 91 company, 92 sole trader,
  // 93 farmers' cooperative); then the county, then 9 invented characters.
  const body = `${prefix}${countyCode}${Array.from({ length: 9 }, () => ALPHABET[Math.floor(random() * 31)]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}
const AREA_CODES = { '2201': '0431', '2202': '0432', '2203': '0434', '2204': '0437', '2205': '0435', '2206': '0439', '2207': '0438', '2208': '0436', '2224': '0433' };
const phone = (county) => `${AREA_CODES[county.slice(0, 4)] ?? '0431'}-${between(6000000, 6999999)}`;
const date = (fromYear, toYear) => {
  const y = between(fromYear, toYear);
  const m = between(1, y === 2026 ? 10 : 12);
  return `${y}-${String(m).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
};
const short = (name) => name.replace(/(朝鲜族自治州|朝鲜族自治县|满族自治县|蒙古族自治县|自治县|市|县|区)$/, '') || name;

const jilinCounties = [...byCode.values()].filter((r) => r.level === 3 && r.code.startsWith('22') && !r.statisticalOnly && r.lat !== null);
const prefectures = [...byCode.values()].filter((r) => r.level === 2 && r.code.startsWith('22'));
const countyTypes = new Set(['county', 'autonomous-county', 'county-city']);

// Deliberate gaps, so the dashboard has something to show:
// – these counties and county-level cities have no auxiliary-employment institution
//   (Jilin: every 县(市) at least 1, 吉林 二(二)4);
const WORKSHOP_GAPS = new Set(['220122', '220183', '220221', '220322', '220421', '220523', '220622', '220722', '220822', '222426']);
// – 白山市 has no incubation base (every 市(州) at least 1, 吉林 二(二)3).
const INCUBATION_GAP_PREFECTURE = '220600';
// – 美丽工坊: 12 in all against "28 institutions, about 1,000 disabled women" (吉林 二(二)3), none
//   in 辽源市;
const BEAUTIFUL_WORKSHOPS_PER_PREFECTURE = { 220100: 3, 220200: 2, 220300: 1, 220400: 0, 220500: 1, 220600: 1, 220700: 1, 220800: 1, 222400: 2 };
// – these 13 of the 39 counties and county-level cities have no rural employment base (every
//   县(市) 1, about 120 in the province, 吉林 二(三)6); urban districts have none either.
const RURAL_BASE_GAPS = new Set(['220183', '220221', '220283', '220323', '220422', '220524', '220582', '220623', '220681', '220723', '220882', '222402', '222405']);

const sites = [];
function add(kind, county, { name, attributes, operatorName, creditPrefix }) {
  const prefecture = byCode.get(county.parent);
  const townships = [...byCode.values()].filter((r) => r.parent === county.code && r.level === 4 && !r.statisticalOnly);
  const inTownship = townships.length > 0 && chance(0.5);
  const status = pick(['approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'draft', 'submitted', 'returned', 'suspended']);
  const site = {
    id: uuid(),
    status,
    kind,
    name: `${name}（示例）`,
    regionCode: inTownship ? pick(townships).code : county.code,
    address: `${prefecture?.name ?? ''}${county.name}示例路${between(1, 300)}号`,
    location: { lat: Number((county.lat + (random() - 0.5) * 0.08).toFixed(5)), lng: Number((county.lng + (random() - 0.5) * 0.1).toFixed(5)), system: 'wgs84' },
    operator: { name: operatorName, creditCode: creditCode(county.code, creditPrefix ?? (kind === 'incubation-base' ? '51' : '52')) },
    contact: { person: `示例联系人${between(1, 99)}`, phone: phone(county.code) },
    openedOn: date(2015, 2026),
    barrierFree: some(['step-free-entrance', 'ramp', 'accessible-toilet', 'tactile-paving', 'lift', 'sign-language-service', 'screen-reader-friendly-information'], 0, 5),
    attributes,
  };
  // Inside the county's shipped boundary, as the API checks it (no random number drawn).
  site.location = insideCounty(county.code, site.location);
  const { status: _status, id: _id, ...input } = site;
  const parsed = schemas.create.safeParse(input);
  if (!parsed.success) throw new Error(`demo site ${site.name} is invalid: ${JSON.stringify(parsed.error.issues)}`);
  sites.push(site);
}

for (const county of jilinCounties) {
  const isCounty = countyTypes.has(county.type);
  // Auxiliary-employment institutions (阳光家园 / 残疾人之家)
  if (!WORKSHOP_GAPS.has(county.code) && (isCounty || chance(0.6))) {
    for (let i = 0, n = between(1, isCounty ? 2 : 1); i < n; i++) {
      const participants = between(8, 60);
      const contracted = between(0, participants);
      add('auxiliary-workshop', county, {
        name: `${short(county.name)}${pick(['阳光家园', '残疾人之家', '辅助性就业中心'])}${i ? i + 1 + '号' : ''}`,
        operatorName: `${county.name}示例残疾人服务中心`,
        attributes: {
          host: pick(['community', 'civil-affairs', 'social-force', 'enterprise']),
          participants,
          disabilityCategories: some(['intellectual', 'psychosocial', 'severe-physical', 'multiple'], 1, 3),
          labourProjects: some(['手工编织', '来料加工', '烘焙', '洗车', '串珠', '纸盒加工', '农产品分拣'], 1, 3),
          contractedWorkers: contracted,
          insuredWorkers: between(0, contracted),
          jobCoaches: between(1, 6),
          rentFreePremises: chance(0.6),
          subsidised: chance(0.7),
          monthlyAverageIncome: between(600, 2200),
        },
      });
    }
  }
  // Blind massage institutions: more in urban districts
  for (let i = 0, n = between(county.type === 'district' ? 1 : 0, county.type === 'district' ? 5 : 3); i < n; i++) {
    const medical = chance(0.3);
    const practitioners = between(2, 15);
    const certified = medical ? between(1, practitioners) : between(0, Math.min(2, practitioners));
    add('blind-massage', county, {
      name: `${short(county.name)}${pick(['明心', '康泰', '福源', '仁和', '益康', '顺心', '安然'])}盲人${medical ? '医疗按摩所' : '保健按摩中心'}`,
      operatorName: `${county.name}示例${pick(['明心', '康泰', '福源', '仁和'])}按摩服务有限公司`,
      attributes: {
        type: medical ? 'medical' : 'health-care',
        ...(medical ? { licenceNumber: `PDY${between(10000000, 99999999)}22${county.code.slice(2)}`, licenceExpiresOn: date(2026, 2030) } : {}),
        blindPractitioners: practitioners,
        certifiedMedicalMasseurs: certified,
        medicalInsuranceDesignated: medical && chance(0.4),
        qualityBrand: chance(0.1),
        beds: between(2, 20),
      },
    });
  }
}

for (const prefecture of prefectures) {
  const seat = jilinCounties.filter((c) => c.parent === prefecture.code).sort((a, b) => a.code.localeCompare(b.code))[0];
  if (!seat) continue;
  if (prefecture.code !== INCUBATION_GAP_PREFECTURE) {
    const businesses = between(5, 40);
    add('incubation-base', seat, {
      name: `${short(prefecture.name)}残疾人创业孵化基地`,
      operatorName: `${prefecture.name}示例残疾人创业服务中心`,
      attributes: {
        grade: pick(['provincial', 'prefectural', 'prefectural']),
        floorArea: between(300, 5000),
        incubatedBusinesses: businesses,
        disabledEntrepreneurs: between(1, businesses * 2),
        jobsForDisabled: between(5, 150),
        services: ['low-cost-space', 'entrepreneurship-training', 'mentoring', ...some(['guaranteed-loans', 'policy-consulting', 'e-commerce', 'market-access'], 0, 3)],
        operatorType: pick(['government', 'public-institution', 'enterprise']),
        mentors: between(1, 12),
      },
    });
  }
  const trainees = between(50, 600);
  add('training-base', seat, {
    name: `${short(prefecture.name)}残疾人职业培训基地`,
    operatorName: `${prefecture.name}示例职业技能培训学校`,
    attributes: {
      grade: pick(['provincial', 'prefectural']),
      yearlyCapacity: between(trainees, trainees + 400),
      occupations: some(['e-commerce', 'live-streaming', 'data-labelling', 'customer-service', 'health-care-massage', 'handicrafts', 'intangible-heritage', 'computer-office'], 2, 5),
      traineesLastYear: trainees,
      employedAfterTraining: between(Math.floor(trainees * 0.2), Math.floor(trainees * 0.7)),
      barrierFreeTraining: some(['sign-language-interpreting', 'braille-materials'], 0, 2),
    },
  });
}

// The kinds added later come last: the PRNG is one sequence, so the sites above stay identical.

// 残疾妇女“美丽工坊” (吉林 二(二)3)
for (const prefecture of prefectures) {
  const units = jilinCounties.filter((c) => c.parent === prefecture.code);
  const n = BEAUTIFUL_WORKSHOPS_PER_PREFECTURE[prefecture.code] ?? 0;
  for (const county of some(units, n, n)) {
    const brand = pick(['巧手', '锦绣', '馨语', '花开', '织梦', '暖阳']);
    const employed = between(5, 40);
    add('beautiful-workshop', county, {
      name: `${short(county.name)}${brand}美丽工坊`,
      operatorName: `${county.name}示例${brand}妇女手工艺服务中心`,
      attributes: {
        grade: pick(['county', 'county', 'prefectural', 'provincial']),
        disabledWomenEmployed: employed,
        disabledWomenSupported: employed + between(0, 60),
        projects: some(['hand-knitting', 'embroidery', 'intangible-heritage', 'cultural-creative', 'sewing', 'agricultural-processing', 'e-commerce-live-streaming'], 1, 3),
        womenFederationPartner: chance(0.7),
        funded: chance(0.6),
        ...(chance(0.8) ? { averageMonthlyIncome: between(800, 2600) } : {}),
      },
    });
  }
}

// 农村残疾人就业帮扶基地 (吉林 二(三)6): counties and county-level cities only
const RURAL_OPERATORS = {
  'leading-enterprise': { suffix: '农业发展有限公司', creditPrefix: '91' },
  'farmers-cooperative': { suffix: '种养专业合作社', creditPrefix: '93' },
  'family-farm': { suffix: '家庭农场', creditPrefix: '92' },
};
for (const county of jilinCounties) {
  if (!countyTypes.has(county.type) || RURAL_BASE_GAPS.has(county.code)) continue;
  for (let i = 0, n = chance(0.2) ? 2 : 1; i < n; i++) {
    const operatorType = pick(Object.keys(RURAL_OPERATORS));
    const brand = pick(['丰收', '绿源', '惠农', '兴农', '禾丰', '金穗']);
    const employed = between(3, 30);
    const inProduction = between(0, 40);
    // every person employed or drawn in belongs to a household helped; some households have two
    const households = between(Math.ceil((employed + inProduction) * 0.8), employed + inProduction + 15);
    add('rural-employment-base', county, {
      name: `${short(county.name)}${brand}农村残疾人就业帮扶基地${i ? i + 1 + '号' : ''}`,
      operatorName: `${county.name}示例${brand}${RURAL_OPERATORS[operatorType].suffix}`,
      creditPrefix: RURAL_OPERATORS[operatorType].creditPrefix,
      attributes: {
        operatorType,
        industries: some(['crop-farming', 'livestock', 'agro-processing', 'rural-tourism', 'rural-e-commerce'], 1, 3),
        disabledEmployed: employed,
        disabledInProduction: inProduction,
        disabledHouseholdsHelped: households,
        heavyDisabilityHouseholds: between(0, Math.floor(households / 2)),
        ...(chance(0.8) ? { annualIncomeIncrease: between(1500, 9000) } : {}),
        ...(chance(0.7) ? { recognisedLevel: pick(['county', 'county', 'prefectural', 'provincial']) } : {}),
        supported: chance(0.6),
      },
    });
  }
}

// A kind installed later without a recipe above still appears: one site per 市(州) seat with the
// kind's own valid example attributes (after the recipes, so the sites above stay identical).
const KINDS_WITH_RECIPES = new Set(['auxiliary-workshop', 'blind-massage', 'incubation-base', 'training-base', 'beautiful-workshop', 'rural-employment-base']);
for (const kind of installedKinds.filter((k) => !KINDS_WITH_RECIPES.has(k.code))) {
  for (const prefecture of prefectures) {
    const seat = jilinCounties.filter((c) => c.parent === prefecture.code).sort((a, b) => a.code.localeCompare(b.code))[0];
    if (!seat) continue;
    add(kind.code, seat, { name: `${short(prefecture.name)}${kind.labels['zh-CN']}`, operatorName: `${prefecture.name}示例${kind.labels['zh-CN']}运营单位`, attributes: structuredClone(kind.examples.valid) });
  }
}

const out = {
  notice: 'FICTIONAL demo data for trials and development: every site, name, operator, credit code, person and phone number here is invented. Never loaded in production (NODE_ENV=production).',
  generatedBy: 'seeds/demo/generate.mjs',
  province: '220000',
  sites,
};
writeFileSync(here('jilin-sites.json'), `${JSON.stringify(out, null, 1)}\n`);
const perKind = sites.reduce((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {});
console.log(`wrote ${sites.length} fictional sites`, perKind);
