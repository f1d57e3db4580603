import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { In, type DataSource, type Repository } from 'typeorm';
import { z } from 'zod';
import { liesInside, presentationOf, shapeOf, toFieldIssues, withinJurisdiction, type Jurisdiction, type LocalizedText, type SiteKindRegistry, type TargetCreateInput, type TargetRule, type TargetUpdateInput, type TargetView } from '@sitenet/domain';
import { kindsFitRule, kindsFitRuleIssue, seededTargetSchema } from '@sitenet/domain/schemas';
import { parseOrThrow } from '../common/parse.js';
import { OutcomeIndicatorsService } from '../outcomes/outcome-indicators.service.js';
import { ApiException, NotFoundApiException, ValidationApiException } from '../common/api-exception.js';
import type { Actor } from '../common/actor.js';
import { RegionEntity } from '../regions/region.entity.js';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';
import { SeedFileError, loadSeedFile, type SeedOutcome } from '../common/seed-file.js';
import { TargetEntity } from './target.entity.js';
import { toTarget } from './target.mapper.js';


const FILE = 'targets/targets.json';

@Injectable()
export class TargetsService {
  constructor(
    @Inject(SITE_KIND_REGISTRY) private readonly registry: SiteKindRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TargetEntity) private readonly targets: Repository<TargetEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    private readonly indicators: OutcomeIndicatorsService,
  ) {}

  /**
   * Loads seeds/targets/targets.json (idempotent by checksum). A shipped target that someone has
   * since edited keeps their version: only rows still of origin `seed` are replaced.
   */
  async seed(seedsDir: string): Promise<SeedOutcome> {
    return loadSeedFile(this.dataSource, seedsDir, {
      name: FILE,
      parse: (text) =>
        (JSON.parse(text) as { targets: unknown[] }).targets.map((raw, index) => {
          const parsed = seededTargetSchema.safeParse(raw, { reportInput: true });
          if (!parsed.success) {
            throw new SeedFileError(`${FILE}: target ${index + 1} is invalid: ${toFieldIssues(parsed.error.issues, 'en').map((i) => `${i.path}: ${i.message}`).join('; ')}`);
          }
          const problem = this.indicatorProblem(parsed.data.rule);
          if (problem) throw new SeedFileError(`${FILE}: target ${index + 1} (${parsed.data.id}) is invalid: rule.indicator: ${problem.messages.en}`);
          return parsed.data;
        }),
      apply: async (manager, rows) => {
        for (const t of rows) {
          await manager.query(
            `INSERT INTO "target" ("id", "region_code", "kinds", "title", "strength", "starts_on", "deadline", "source", "rule", "note", "deadline_assumed", "retired", "origin", "version")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, 'seed', 1)
             ON CONFLICT ("id") DO UPDATE SET "region_code" = EXCLUDED."region_code", "kinds" = EXCLUDED."kinds", "title" = EXCLUDED."title",
               "strength" = EXCLUDED."strength", "starts_on" = EXCLUDED."starts_on", "deadline" = EXCLUDED."deadline", "deadline_assumed" = EXCLUDED."deadline_assumed", "source" = EXCLUDED."source",
               "rule" = EXCLUDED."rule", "note" = EXCLUDED."note", "version" = "target"."version" + 1, "updated_at" = now()
             WHERE "target"."origin" = 'seed'`,
            [t.id, t.regionCode, t.kinds, JSON.stringify(t.title), t.strength, t.startsOn, t.deadline, JSON.stringify(t.source), JSON.stringify(t.rule), t.note === null ? null : JSON.stringify(t.note), t.deadlineAssumed],
          );
        }
      },
    });
  }

  /** Targets set by the region itself and by the units above it, not retired. */
  async inForce(region: RegionEntity, includeRetired = false): Promise<{ target: TargetView; inherited: boolean }[]> {
    const ancestors = [region.provinceCode, region.prefectureCode, region.countyCode].filter((c): c is string => !!c && c !== region.code);
    const rows = await this.targets.find({ where: { regionCode: In([region.code, ...ancestors]), ...(includeRetired ? {} : { retired: false }) }, order: { deadline: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({ target: toTarget(row), inherited: row.regionCode !== region.code }));
  }

  async get(id: string, scope: Jurisdiction): Promise<TargetEntity> {
    const target = await this.targets.findOne({ where: { id }, relations: { region: true } });
    if (!target?.region || !withinJurisdiction(scope, target.region)) {
      throw new NotFoundApiException('target.not_found', { 'zh-CN': `没有编号为 ${id} 的目标，或它不在您的辖区内。`, en: `There is no target ${id} in your jurisdiction.` });
    }
    return target;
  }

  /** A sum must add up a metric the target's kinds declare (a number), or coverage could not compute it. */
  private checkMetric(kinds: string[], rule: TargetRule): void {
    if (rule.shape !== 'metric-sum') return;
    const declared = kinds.flatMap((code) => this.registry.get(code)?.metrics ?? []);
    if (!declared.includes(rule.metric)) {
      throw new ValidationApiException([
        {
          path: 'body.rule.metric',
          code: 'target.unknown_metric',
          messages: {
            'zh-CN': `所选网点类型没有名为 ${rule.metric} 的统计指标；可用：${[...new Set(declared)].join('、') || '无'}`,
            en: `The chosen kinds declare no metric ${rule.metric}; available: ${[...new Set(declared)].join(', ') || 'none'}`,
          },
        },
      ]);
    }
  }

  /**
   * A rule over reported figures reads an indicator that exists, of the measure it adds up: a
   * rate for `outcome-rate`, a count for the others (a rate cannot be summed over the plan).
   * What is wrong with the rule's indicator, or null (also for a rule over sites).
   */
  private indicatorProblem(rule: TargetRule): { code: string; messages: LocalizedText } | null {
    const shape = shapeOf(rule);
    if (!shape?.indicatorOf) return null;
    const key = shape.indicatorOf(shape.params.parse(rule));
    const indicator = this.indicators.byKey(key);
    if (!indicator) {
      const known = this.indicators.list().map((i) => i.key);
      return {
        code: 'target.unknown_indicator',
        messages: { 'zh-CN': `没有编号为 ${key} 的报告指标；可用：${known.join('、') || '无'}`, en: `There is no outcome indicator ${key}; the indicators are: ${known.join(', ') || 'none'}` },
      };
    }
    const wants = rule.shape === 'outcome-rate' ? 'rate' : 'count';
    if (indicator.measure.type === wants) return null;
    const fitting = this.indicators.list().filter((i) => i.measure.type === wants).map((i) => i.key);
    return {
      code: 'target.indicator_measure',
      messages:
        wants === 'rate'
          ? { 'zh-CN': `“比率达到”须选择比率类指标，${indicator.labels['zh-CN']}（${key}）是计数指标；可选：${fitting.join('、') || '无'}`, en: `A rate target needs a rate indicator; ${indicator.labels.en} (${key}) is a count; the rate indicators are: ${fitting.join(', ') || 'none'}` }
          : { 'zh-CN': `累计或每年统计须选择计数类指标，${indicator.labels['zh-CN']}（${key}）是比率指标；可选：${fitting.join('、') || '无'}`, en: `A total or a yearly minimum needs a count indicator; ${indicator.labels.en} (${key}) is a rate; the count indicators are: ${fitting.join(', ') || 'none'}` },
    };
  }

  private checkIndicator(rule: TargetRule): void {
    const problem = this.indicatorProblem(rule);
    if (problem) throw new ValidationApiException([{ path: 'body.rule.indicator', ...problem }]);
  }

  /**
   * Counting by attribute: the field is a single choice of every kind the target counts, and each
   * value one of its options (else the filter would silently match nothing).
   */
  private checkWhere(kinds: string[], rule: TargetRule): void {
    const where = 'where' in rule ? rule.where : undefined;
    if (!where) return;
    const issues = kinds.flatMap((code) => {
      const kind = this.registry.get(code);
      if (!kind) return [];
      const field = (kind.attributes.shape as Record<string, z.ZodType | undefined>)[where.field];
      // A single choice's options, or a switch's true/false (attributes->>field is 'true' or 'false').
      const choices = field ? presentationOf(field)?.options : undefined;
      const options = choices && field?.safeParse(Object.keys(choices)[0]).success ? choices : field?.safeParse(true).success ? { true: true, false: false } : undefined;
      const name = kind.labels;
      if (!options) {
        return [{ path: 'body.rule.where.field', code: 'target.where_invalid', messages: { 'zh-CN': `${name['zh-CN']}没有名为 ${where.field} 的单选或开关字段`, en: `${name.en} has no single-choice or yes/no field ${where.field}` } }];
      }
      return where.in.flatMap((value, index) =>
        value in options
          ? []
          : [{ path: `body.rule.where.in.${index}`, code: 'target.where_invalid', messages: { 'zh-CN': `${name['zh-CN']}的字段 ${where.field} 没有选项 ${value}；可选：${Object.keys(options).join('、')}`, en: `${name.en}'s field ${where.field} has no option ${value}; the options are: ${Object.keys(options).join(', ')}` } }],
      );
    });
    if (issues.length > 0) throw new ValidationApiException(issues.slice(0, 20), Math.max(0, issues.length - 20));
  }

  /**
   * A per-unit rule's exemptions and named units are units that exist, of the level the rule
   * counts, inside the target's region (anything else would be stored and silently match nothing),
   * and no unit is both named and exempted.
   */
  private async checkExemptions(regionCode: string, rule: TargetRule): Promise<void> {
    if (rule.shape !== 'per-unit-minimum' || rule.exemptions.length + rule.namedUnits.length === 0) return;
    const found = new Map((await this.regions.findBy({ code: In([...rule.exemptions, ...rule.namedUnits]) })).map((unit) => [unit.code, unit]));
    // A city without counties (东莞, 中山, 儋州: townships directly under it) is a county-level unit
    // of a county-level rule, as the coverage engine counts it.
    const countyLevelCities =
      rule.level === 3
        ? new Set(
            (await this.regions.find({ select: { parentCode: true }, where: { parentCode: In([...found.values()].filter((unit) => unit.level === 2).map((unit) => unit.code)), level: 4 } })).map(
              (township) => township.parentCode,
            ),
          )
        : new Set<string | null>();
    const levelOf = (unit: { code: string; level: number }) => (countyLevelCities.has(unit.code) ? 3 : unit.level);
    const levelName = rule.level === 2 ? { zh: '市（州）级', en: 'prefecture-level' } : { zh: '县级', en: 'county-level' };
    const check = (list: 'exemptions' | 'namedUnits', code: string, index: number) => {
      const unit = found.get(code);
      const inside = unit && liesInside(unit, regionCode);
      if (unit && inside && levelOf(unit) === rule.level && !(list === 'namedUnits' && rule.exemptions.includes(code))) return [];
      const messages = !unit
        ? { 'zh-CN': `没有代码为 ${code} 的行政区划`, en: `There is no division with code ${code}` }
        : !inside
          ? { 'zh-CN': `${unit.name}（${code}）不在本目标的区划 ${regionCode} 之内`, en: `${unit.name} (${code}) is not inside the target’s region ${regionCode}` }
          : levelOf(unit) !== rule.level
            ? { 'zh-CN': `${unit.name}（${code}）不是本目标所统计的${levelName.zh}单位`, en: `${unit.name} (${code}) is not a ${levelName.en} unit, which this rule counts` }
            : { 'zh-CN': `${unit.name}（${code}）已列为豁免单位，不能同时指定`, en: `${unit.name} (${code}) is exempted: it cannot be named as well` };
      return [{ path: `body.rule.${list}.${index}`, code: list === 'exemptions' ? 'target.exemption_invalid' : 'target.named_unit_invalid', messages }];
    };
    const issues = [...rule.exemptions.flatMap((code, index) => check('exemptions', code, index)), ...rule.namedUnits.flatMap((code, index) => check('namedUnits', code, index))];
    if (issues.length > 0) throw new ValidationApiException(issues.slice(0, 20), Math.max(0, issues.length - 20));
  }

  async create(input: TargetCreateInput, actor: Actor): Promise<TargetView> {
    this.checkMetric(input.kinds, input.rule);
    this.checkWhere(input.kinds, input.rule);
    this.checkIndicator(input.rule);
    const region = await this.regions.findOneBy({ code: input.regionCode });
    if (!region || !withinJurisdiction(actor.scope, region)) {
      throw new ValidationApiException([
        { path: 'body.regionCode', code: 'region.outside_jurisdiction', messages: { 'zh-CN': '目标所属区划须在您的辖区内', en: 'The target’s region must be inside your jurisdiction' } },
      ]);
    }
    await this.checkExemptions(input.regionCode, input.rule);
    const id = `u-${randomUUID()}`;
    await this.targets.insert({ id, ...input, retired: false, origin: 'user', updatedBy: actor.id });
    return toTarget(await this.targets.findOneByOrFail({ id }));
  }

  async update(id: string, patch: TargetUpdateInput, actor: Actor): Promise<TargetView> {
    const current = await this.get(id, actor.scope);
    if (patch.version !== current.version) throw stale(current);
    const { version, ...changes } = patch;
    const next = { ...toTarget(current), ...changes };
    // The edit may change the rule or the kinds alone: the result must still fit (sites need kinds, outcome figures none).
    parseOrThrow(mergedKinds, { kinds: next.kinds, rule: next.rule }, 'body');
    this.checkMetric(next.kinds, next.rule as TargetRule);
    this.checkWhere(next.kinds, next.rule as TargetRule);
    this.checkIndicator(next.rule as TargetRule);
    if (changes.rule) await this.checkExemptions(current.regionCode, changes.rule);
    if (next.deadline <= next.startsOn) {
      throw new ValidationApiException([{ path: 'body.deadline', code: 'target.deadline_before_start', messages: { 'zh-CN': '截止日期应晚于起始日期', en: 'The deadline must come after the start' } }]);
    }
    const result = await this.targets
      .createQueryBuilder()
      .update(TargetEntity)
      .set({ ...changes, origin: 'user', updatedBy: actor.id })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (result.affected !== 1) throw stale(await this.targets.findOneByOrFail({ id }));
    return toTarget(await this.targets.findOneByOrFail({ id }));
  }

  async setRetired(id: string, retired: boolean, actor: Actor): Promise<TargetView> {
    const current = await this.get(id, actor.scope);
    const result = await this.targets
      .createQueryBuilder()
      .update(TargetEntity)
      .set({ retired, updatedBy: actor.id, origin: 'user' })
      .where('id = :id AND version = :version', { id, version: current.version })
      .execute();
    if (result.affected !== 1) throw stale(await this.targets.findOneByOrFail({ id }));
    return toTarget(await this.targets.findOneByOrFail({ id }));
  }
}

/** A target's kinds and rule after an edit, checked together as the create schema checks them. */
const mergedKinds = z.object({ kinds: z.array(z.string()), rule: z.object({ shape: z.string() }) }).refine(kindsFitRule, { ...kindsFitRuleIssue, path: ['kinds'] });

function stale(current: TargetEntity): ApiException {
  return new ApiException(
    409,
    'target.version_conflict',
    { 'zh-CN': '该目标已被他人修改，您的修改未保存。请查看最新内容后重新修改。', en: 'Someone else changed this target; your change was not saved. Review it and edit again.' },
    undefined,
    { current: toTarget(current) },
  );
}
