// Generates seeds/demo/jilin-outcome-reports.json: FICTIONAL outcome reports (issue 11) of Jilin's
// county-level units, so the demo shows outcome targets and reporting completeness with figures.
// Every figure is invented. Deterministic (seeded PRNG): the same script gives the same file.
//
// Each report is written as the events of its workflow (save with the figures, submit, return
// with a reason, approve, change request …) with their times; the demo seeder replays them through
// the workflow's rules into outcome_report and outcome_report_history.
//
// Run from the repository root after a build (it checks every figure with the product's schema):
//   npx turbo run build --filter=@sitenet/domain && node seeds/demo/generate-outcomes.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePeriod, periodsWithin, reportValuesSchema, reportedWithin } from '@sitenet/domain';
import { byCode, regions } from './divisions.mjs';
import { seededRandom } from './seeded-random.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const indicators = JSON.parse(readFileSync(here('../outcomes/indicators.json'), 'utf8')).indicators;
const accounts = JSON.parse(readFileSync(here('./accounts.json'), 'utf8')).accounts;

// its own seed: the sites' generator keeps its sequence
const { random, between, chance, pick, uuid } = seededRandom(20261111);
const shuffled = (list) => list.map((x) => [random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

const PROVINCE = '220000';
// The periods: the quarters from the Jilin plan's start (2025) to the last one closed at the time
// of writing, and the year 2025 (Jilin's units report no yearly indicator: reportedWithin leaves it
// empty, so it gets no report).
const PERIODS = [...periodsWithin('quarter', '2025-01-01', '2026-09-30'), '2025'];
const LATEST = '2026-Q3';
// The browser test (e2e/tests/outcomes.spec.ts) reports the last closed quarter for the demo
// district account's unit and has its prefecture review it: that report is left not started.
const E2E_UNIT = accounts.find((a) => a.role === 'district').regionCode;
// Approved totals of the province up to 2026-Q3 (the sums of all units' approved reports):
// 新增就业 about on track for 25,000 over 2025–2027 (projected ×1.5 at the end of 2026); a multiple
// of 100, so the browser test's approved 42 shows in the total's last digits; 培训 behind 30,000;
// 创业扶持 on track for 2,000; 农村帮扶 behind 20,000.
const TOTALS = { 'new-employment': 17_300, training: 14_500, 'entrepreneurship-support': 1_380, 'rural-support': 12_600 };

// Reporting units: the county-level units (not statistical-only) and prefecture-level cities
// without counties (their townships hang directly under them), as the API counts them.
const hasTownships = (code) => regions.rows.some((r) => r[3] === code && r[2] === 4);
const units = [...byCode.values()]
  .filter((r) => r.code.startsWith(PROVINCE.slice(0, 2)) && !r.statisticalOnly && (r.level === 3 || (r.level === 2 && hasTownships(r.code))))
  .sort((a, b) => a.code.localeCompare(b.code));
const pathOf = (u) => ({ code: u.code, level: u.level, provinceCode: PROVINCE, prefectureCode: u.level === 2 ? u.code : u.parent, countyCode: u.level === 3 ? u.code : null });
const prefectureOf = (u) => byCode.get(u.level === 2 ? u.code : u.parent);

// ---- times (China, UTC+8) ------------------------------------------------------------------------
const dayAfter = (day, days) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** Office hours of a day; never before the report's previous event (`after`), so events keep their order. */
function at(day, after) {
  const time = new Date(`${day}T${String(between(8, 17)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00+08:00`);
  return (time > after ? time : new Date(after.getTime() + between(5, 90) * 60_000)).toISOString();
}

// ---- what happens to each report ----------------------------------------------------------------
// Older quarters: approved, a few submitted late or returned once; now and then a unit never
// reported. The latest quarter (due 2026-10-15): most approved, some awaiting review, returned,
// still drafts or not started at all (late).
const others = shuffled(units.filter((u) => u.code !== E2E_UNIT));
const latestScenario = new Map();
const LATEST_MIX = [['missing', 4], ['draft', 2], ['returned', 3], ['submitted', 5], ['approved-late', 4]];
let cursor = 0;
for (const [scenario, count] of LATEST_MIX) for (let i = 0; i < count; i++) latestScenario.set(others[cursor++].code, scenario);

function scenarioOf(unit, period) {
  if (period === LATEST) return unit.code === E2E_UNIT ? 'missing' : latestScenario.get(unit.code) ?? (chance(0.1) ? 'approved-after-return' : 'approved');
  const roll = random();
  if (roll < 0.015) return 'missing';
  if (roll < 0.07) return 'approved-late';
  if (roll < 0.11) return 'approved-after-return';
  if (roll < 0.13) return 'approved-then-changed';
  return 'approved';
}

// ---- figures ------------------------------------------------------------------------------------
const SEASON = { Q1: 0.7, Q2: 1.1, Q3: 1.15, Q4: 1.05 };
const size = new Map(units.map((u) => [u.code, 0.5 + random() * 1.1]));
const isUrban = (u) => u.type === 'district';
/** A count's share of the unit and period before scaling to the province's total. */
function weight(indicator, unit, period) {
  const season = SEASON[period.slice(5)] ?? 1;
  const rural = indicator === 'rural-support' ? (isUrban(unit) ? 0.25 : 1.5) : 1;
  return size.get(unit.code) * season * rural * (0.7 + random() * 0.6);
}
const RETURN_REASONS = ['新增就业人数与台账不符，请核对后重新提交', '培训人次含非残疾人学员，请剔除后重新填报', '城乡分项合计与总数不一致，请核对', '专场招聘活动场次缺少活动记录，请补充后提交'];
const CHANGE_REASONS = ['补录本季度遗漏的新增就业人员', '核减重复统计的培训人次'];

const plans = [];
for (const unit of units) {
  for (const period of PERIODS) {
    const ofPeriod = indicators.filter((i) => i.periodicity === parsePeriod(period).periodicity && reportedWithin(i, pathOf(unit)));
    if (ofPeriod.length === 0) continue;
    const scenario = scenarioOf(unit, period);
    if (scenario === 'missing') continue;
    const weights = Object.fromEntries(ofPeriod.map((i) => [i.key, weight(i.key, unit, period)]));
    plans.push({ id: uuid(), unit, period, scenario, indicators: ofPeriod, weights, inForce: scenario.startsWith('approved') });
  }
}

// Counts scaled so the approved reports add up to TOTALS; the rest drawn at the same scale.
const scale = {};
for (const [key, total] of Object.entries(TOTALS)) {
  const sum = plans.filter((p) => p.inForce && key in p.weights).reduce((s, p) => s + p.weights[key], 0);
  scale[key] = total / sum;
}
for (const plan of plans) {
  plan.totals = {};
  for (const indicator of plan.indicators) {
    if (indicator.measure.type === 'rate') continue;
    const key = indicator.key;
    plan.totals[key] = key === 'job-fairs' ? between(0, isUrban(plan.unit) ? 3 : 2) : Math.round(plan.weights[key] * (scale[key] ?? 1));
  }
}
// Rounding: the largest approved report of each scaled count takes the difference to the total.
for (const [key, total] of Object.entries(TOTALS)) {
  const approved = plans.filter((p) => p.inForce && key in p.totals);
  const largest = approved.reduce((a, b) => (b.totals[key] > a.totals[key] ? b : a));
  largest.totals[key] += total - approved.reduce((s, p) => s + p.totals[key], 0);
}

/** Full figures from totals: breakdowns in full (they add up), a rate's numerator and denominator. */
function figures(plan, totals) {
  const values = {};
  for (const indicator of plan.indicators) {
    if (indicator.measure.type === 'rate') {
      const denominator = between(800, 4000);
      values[indicator.key] = { numerator: Math.round(denominator * (0.45 + random() * 0.3)), denominator };
      continue;
    }
    const value = totals[indicator.key];
    const by = {};
    for (const dimension of indicator.disaggregations) {
      const [first, second] = dimension === 'residence' ? ['urban', 'rural'] : dimension === 'sex' ? ['male', 'female'] : [null, null];
      if (!first) continue;
      const share = dimension === 'residence' ? (isUrban(plan.unit) ? 0.8 : 0.35) : 0.6;
      const part = Math.min(value, Math.max(0, Math.round(value * (share + (random() - 0.5) * 0.16))));
      by[dimension] = { [first]: part, [second]: value - part };
    }
    values[indicator.key] = Object.keys(by).length > 0 ? { value, by } : { value };
  }
  return values;
}
/** The figures as first entered, before a correction: one count off. */
function misentered(plan, totals) {
  const key = pick(Object.keys(totals));
  return figures(plan, { ...totals, [key]: Math.max(0, totals[key] + pick([-1, 1]) * between(1, Math.max(2, Math.round(totals[key] * 0.2)))) });
}

// ---- the events ---------------------------------------------------------------------------------
const reports = [];
for (const plan of plans) {
  const { endsOn, dueOn } = parsePeriod(plan.period);
  const final = figures(plan, plan.totals);
  const events = [];
  const late = plan.scenario === 'approved-late';
  let day = late ? dayAfter(dueOn, between(2, 20)) : dayAfter(endsOn, between(1, 9));
  const step = (min, max) => (day = dayAfter(day, between(min, max)));
  const push = (event) => events.push({ ...event, at: at(event.at, events.length > 0 ? new Date(events.at(-1).at) : new Date(0)) });
  if (plan.scenario === 'approved-after-return' || plan.scenario === 'returned') {
    push({ action: 'save', at: day, values: misentered(plan, plan.totals) });
    push({ action: 'submit', at: step(0, 1) });
    push({ action: 'return', at: step(1, 3), reason: pick(RETURN_REASONS) });
    if (plan.scenario === 'approved-after-return') {
      push({ action: 'save', at: step(0, 2), values: final });
      push({ action: 'submit', at: step(0, 0) });
      push({ action: 'approve', at: step(1, 4) });
    }
  } else if (plan.scenario === 'approved-then-changed') {
    // The change request adds a few new-employment or takes off some training: approved figures as first entered.
    const changed = chance(0.5) ? 'new-employment' : 'training';
    const delta = changed === 'new-employment' ? Math.min(plan.totals['new-employment'], between(1, 6)) : -Math.min(plan.totals.training, between(1, 8));
    plan.totals[changed] -= delta; // the first approval held the figure before the change
    push({ action: 'save', at: day, values: figures(plan, plan.totals) });
    push({ action: 'submit', at: step(0, 1) });
    push({ action: 'approve', at: step(1, 5) });
    plan.totals[changed] += delta;
    push({ action: 'change-request', at: step(10, 30), reason: CHANGE_REASONS[changed === 'new-employment' ? 0 : 1], values: final });
    push({ action: 'approve-change', at: step(1, 4) });
  } else {
    push({ action: 'save', at: day, values: final });
    if (plan.scenario !== 'draft') push({ action: 'submit', at: step(0, 1) });
    if (plan.scenario.startsWith('approved')) push({ action: 'approve', at: step(1, 6) });
  }
  for (const event of events) {
    if (!event.values) continue;
    const checked = reportValuesSchema(plan.indicators, { complete: true }).safeParse(event.values);
    if (!checked.success) throw new Error(`${plan.unit.code} ${plan.period}: ${JSON.stringify(checked.error.issues)}`);
  }
  reports.push({
    id: plan.id,
    region: plan.unit.code,
    period: plan.period,
    staff: `${plan.unit.name}残联工作人员（演示）`,
    reviewer: `${prefectureOf(plan.unit).name}残联审核员（演示）`,
    events,
  });
}

const notice =
  'FICTIONAL demo data, loaded with the demo sites and never in production: outcome reports of Jilin\'s county-level units for 2025 Q1 to 2026 Q3, written as the events of their review workflow. Every figure, person and reason is invented (see README.md). Generated by generate-outcomes.mjs.';
writeFileSync(here('./jilin-outcome-reports.json'), `${JSON.stringify({ notice, reports }, null, 0).replace(/\},\{"id"/g, '},\n{"id"')}\n`);
const count = (scenario) => plans.filter((p) => p.scenario === scenario).length;
console.log(`${reports.length} reports of ${units.length} units (${count('approved')} approved, ${count('approved-late')} late, ${count('approved-after-return')} after a return, ${count('approved-then-changed')} changed; ${LATEST}: ${LATEST_MIX.map(([s, n]) => `${n} ${s}`).join(', ')})`);
