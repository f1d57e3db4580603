import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldIssues } from '../errors/zod-issues.js';
import { seededIndicatorSchema, type SeededIndicator } from '../schemas/outcomes.js';
import { seededTargetSchema } from '../schemas/targets.js';
import { isOutcomeShape } from '../targets/outcome-rules.js';
import { periodsWithin } from './periods.js';

/**
 * The shipped seeds parse as the API's seeders parse them (seeds/outcomes/indicators.json,
 * seeds/targets/targets.json), and the outcome targets fit the indicators they read.
 */
const seeds = new URL('../../../../seeds/', import.meta.url);
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, seeds), 'utf8')) as T;

function parsedAll<S extends z.ZodType>(schema: S, rows: unknown[], name: (raw: unknown, index: number) => string): z.output<S>[] {
  const problems: string[] = [];
  const parsed = rows.map((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) problems.push(`${name(raw, index)}: ${toFieldIssues(result.error.issues, 'en').map((i) => `${i.path} ${i.messages.en}`).join('; ')}`);
    return result.data as z.output<S>;
  });
  expect(problems).toEqual([]);
  return parsed;
}

const idOf = (raw: unknown, index: number) => String((raw as { id?: string; key?: string }).id ?? (raw as { key?: string }).key ?? `#${index + 1}`);

const indicatorFile = read<{ notice: string; indicators: unknown[] }>('outcomes/indicators.json');
const targetFile = read<{ notice: string; targets: unknown[] }>('targets/targets.json');
const indicators: SeededIndicator[] = parsedAll(seededIndicatorSchema, indicatorFile.indicators, idOf);
const targets = parsedAll(seededTargetSchema, targetFile.targets, idOf);
const byKey = new Map(indicators.map((i) => [i.key, i]));

describe('seeds/outcomes/indicators.json', () => {
  it('says where the indicators come from and under what terms', () => {
    expect(indicatorFile.notice).toMatch(/shared\/policy/);
    expect(indicatorFile.notice).toMatch(/Copyright/);
  });

  it('has unique keys, each with at least one quoted clause', () => {
    const keys = indicators.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const indicator of indicators) expect(indicator.sources.every((s) => s.quote.length > 5), indicator.key).toBe(true);
  });

  it('holds the indicators the rest of the product is written against, as promised', () => {
    expect(byKey.get('new-employment')).toMatchObject({ measure: { type: 'count', unit: 'persons' }, periodicity: 'quarter', disaggregations: ['residence', 'sex'] });
    expect(byKey.get('training')).toMatchObject({ measure: { type: 'count', unit: 'person-times' }, periodicity: 'quarter' });
    expect(byKey.get('employment-rate')).toMatchObject({
      measure: { type: 'rate', numerator: { 'zh-CN': '已就业的就业年龄段持证残疾人数' }, denominator: { 'zh-CN': '就业年龄段持证残疾人数' } },
      periodicity: 'year',
    });
    expect(byKey.get('job-fairs')).toMatchObject({ measure: { type: 'count', unit: 'events' }, periodicity: 'quarter' });
  });
});

describe('seeds/targets/targets.json', () => {
  it('has unique ids', () => {
    const ids = targets.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const outcomeTargets = targets.filter((t) => isOutcomeShape(t.rule.shape));

  it('ships the outcome targets the plans quantify', () => {
    expect(outcomeTargets.map((t) => t.id).sort()).toEqual(
      ['bj-employment-rate', 'fj-graduate-employment', 'fj-job-fairs-yearly', 'jl-entrepreneur-funding', 'jl-new-employment', 'jl-rural-support', 'jl-training', 'qd-employment-rate', 'qd-new-employment', 'yb-new-employment'].sort(),
    );
  });

  it.each(outcomeTargets.map((t) => [t.id, t] as const))('%s reads an indicator that exists, of the right measure, over a window holding whole periods, and lists no kinds', (_id, target) => {
    const rule = target.rule as { shape: string; indicator: string };
    const indicator = byKey.get(rule.indicator);
    expect(indicator, `indicator ${rule.indicator}`).toBeDefined();
    expect(indicator!.measure.type).toBe(rule.shape === 'outcome-rate' ? 'rate' : 'count');
    expect(target.kinds).toEqual([]);
    // a window that holds no whole period of the indicator could never be measured
    expect(periodsWithin(indicator!.periodicity, target.startsOn, target.deadline).length).toBeGreaterThan(0);
    // the clause the target quotes is one of the indicator's sources (the indicator says where it is used)
    expect(indicator!.sources.some((s) => s.document === target.source.document && s.clause === target.source.clause)).toBe(true);
  });

  it('reads the texts the way the notes say (strength words, plan windows)', () => {
    const get = (id: string) => outcomeTargets.find((t) => t.id === id)!;
    expect(get('jl-new-employment')).toMatchObject({ strength: 'ensure', startsOn: '2025-01-01', deadline: '2027-12-31', rule: { value: 25000 } });
    expect(get('jl-training')).toMatchObject({ strength: 'about', rule: { indicator: 'training', value: 30000 } });
    expect(get('yb-new-employment')).toMatchObject({ regionCode: '500112', startsOn: '2023-01-01', deadline: '2025-12-31', rule: { value: 600 } });
    expect(get('qd-new-employment')).toMatchObject({ strength: 'strive', rule: { value: 1501 } });
    expect(get('qd-employment-rate')).toMatchObject({ strength: 'at-least', rule: { shape: 'outcome-rate', indicator: 'employment-rate', value: 60 } });
    expect(get('bj-employment-rate')).toMatchObject({ strength: 'strive', rule: { indicator: 'disabled-employment-rate', value: 73.4 } });
    expect(get('fj-graduate-employment')).toMatchObject({ strength: 'ensure', rule: { value: 100 } });
    expect(get('fj-job-fairs-yearly')).toMatchObject({ rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 } });
    for (const t of outcomeTargets) expect(t.note?.['zh-CN'].length, t.id).toBeGreaterThan(20);
  });

  it('gives every target a region that exists at province, prefecture or county level', () => {
    const { rows } = JSON.parse(readFileSync(new URL('divisions/regions.json', seeds), 'utf8')) as { rows: [string, string, number][] };
    const levels = new Map(rows.map(([code, , level]) => [code, level]));
    for (const t of targets) expect(levels.get(t.regionCode), `${t.id} ${t.regionCode}`).toBeLessThanOrEqual(3);
  });
});
