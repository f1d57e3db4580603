import { optionalAmountField, optionalChoiceField, choiceField, countField, defineSiteKind, fieldMeta, hasNoRepeats as unique, localizedIssue, multiChoiceField, partWithinWhole, SITE_GRADE_LABELS, SITE_GRADES, switchField, YUAN_PER_MONTH_UNIT, type LocalizedText } from '@sitenet/domain';
import { lineText } from '@sitenet/domain/schemas';
import { z } from 'zod';

/**
 * Who hosts the workshop. Jilin 二(二)4 builds them in communities, 美丽工坊 and care or
 * rehabilitation institutions; Fujian 五(一) gives social forces the same subsidies; civil
 * affairs runs community mental-health rehabilitation (北京 四); Beijing and Fujian bring in
 * state-owned enterprises.
 */
export const WORKSHOP_HOSTS = ['community', 'civil-affairs', 'care-rehabilitation', 'social-force', 'enterprise', 'other'] as const;
export type WorkshopHost = (typeof WORKSHOP_HOSTS)[number];

const HOST_LABELS: Record<WorkshopHost, LocalizedText> = {
  community: { 'zh-CN': '街道、乡镇或社区', en: 'Sub-district, township or community' },
  'civil-affairs': { 'zh-CN': '民政部门或其福利机构', en: 'Civil affairs or one of its welfare institutions' },
  'care-rehabilitation': { 'zh-CN': '残疾人托养或康复机构', en: 'Care or rehabilitation institution for disabled people' },
  'social-force': { 'zh-CN': '社会力量（社会组织、亲友组织等）', en: 'Social force (NGO, family association …)' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * Disability categories of the participants (GB/T 26341 categories). Auxiliary employment is
 * meant for intellectual, psychosocial and severe physical (grade 1–2) disability (北京 四,
 * 青岛 (八)); the others occur too, so they can be recorded.
 */
export const WORKSHOP_DISABILITY_CATEGORIES = ['intellectual', 'psychosocial', 'severe-physical', 'visual', 'hearing', 'speech', 'multiple'] as const;
export type WorkshopDisabilityCategory = (typeof WORKSHOP_DISABILITY_CATEGORIES)[number];

const CATEGORY_LABELS: Record<WorkshopDisabilityCategory, LocalizedText> = {
  intellectual: { 'zh-CN': '智力残疾', en: 'Intellectual' },
  psychosocial: { 'zh-CN': '精神残疾', en: 'Psychosocial' },
  'severe-physical': { 'zh-CN': '重度肢体残疾（一、二级）', en: 'Severe physical (grade 1 or 2)' },
  visual: { 'zh-CN': '视力残疾', en: 'Visual' },
  hearing: { 'zh-CN': '听力残疾', en: 'Hearing' },
  speech: { 'zh-CN': '言语残疾', en: 'Speech' },
  multiple: { 'zh-CN': '多重残疾', en: 'Multiple' },
};

export const MAX_LABOUR_PROJECTS = 20;
export const MAX_PARTICIPANTS = 1_000;

export const auxiliaryWorkshopAttributes = z.strictObject({
  host: choiceField(WORKSHOP_HOSTS, {
    label: { 'zh-CN': '举办主体', en: 'Host' },
    help: { 'zh-CN': '依托哪类单位或场所举办本机构', en: 'The kind of body or premises the workshop is run by' },
    widget: 'select',
    options: HOST_LABELS,
  }),
  participants: countField(MAX_PARTICIPANTS, {
    label: { 'zh-CN': '辅助性就业人数', en: 'People in auxiliary employment' },
    help: {
      'zh-CN': '辅助性就业人数：在本机构从事辅助性就业的残疾人人数，不含工作人员和就业辅导员',
      en: 'Disabled people doing auxiliary (sheltered) work here, not counting staff or job coaches',
    },
  }),
  disabilityCategories: multiChoiceField(WORKSHOP_DISABILITY_CATEGORIES, {
    label: { 'zh-CN': '服务对象残疾类别', en: 'Disability categories served' },
    help: { 'zh-CN': '在本机构辅助性就业的残疾人所属的残疾类别，可多选', en: 'Categories of the people working here; choose all that apply' },
    options: CATEGORY_LABELS,
    repeated: { 'zh-CN': '残疾类别不能重复选择', en: 'Each disability category may be chosen only once' },
  }),
  labourProjects: fieldMeta(
    z
      .array(lineText(1, 50))
      .max(MAX_LABOUR_PROJECTS)
      .refine(unique, localizedIssue({ 'zh-CN': '劳动项目不能重复填写', en: 'Each labour project may be listed only once' }))
      .default([]),
    {
      label: { 'zh-CN': '劳动项目', en: 'Labour projects' },
      help: {
        'zh-CN': `目前开展的劳动项目，如手工编织、来料加工、烘焙、洗车；每行一项，最多 ${MAX_LABOUR_PROJECTS} 项，每项不超过 50 字`,
        en: `Work currently done, e.g. hand weaving, outsourced assembly, baking, car washing; one per line, at most ${MAX_LABOUR_PROJECTS}, each up to 50 characters`,
      },
      widget: 'textarea',
    },
  ),
  contractedWorkers: countField(MAX_PARTICIPANTS, {
    label: { 'zh-CN': '签订劳动合同（协议）人数', en: 'With a labour contract or agreement' },
    help: {
      'zh-CN': '辅助性就业残疾人中，与本机构签订劳动合同或辅助性就业协议的人数',
      en: 'Of the people in auxiliary employment, those with a labour contract or auxiliary-employment agreement with the workshop',
    },
  }),
  insuredWorkers: countField(MAX_PARTICIPANTS, {
    label: { 'zh-CN': '缴纳社会保险人数', en: 'With social insurance paid' },
    help: {
      'zh-CN': '辅助性就业残疾人中，由本机构为其缴纳社会保险（含工伤或意外伤害保险）的人数',
      en: 'Of the people in auxiliary employment, those for whom the workshop pays social insurance (incl. work-injury or accident cover)',
    },
  }),
  jobCoaches: countField(200, {
    label: { 'zh-CN': '就业辅导员人数', en: 'Job coaches' },
    help: { 'zh-CN': '在本机构专职或兼职工作的残疾人就业辅导员人数', en: 'Full- or part-time job coaches working in the workshop' },
  }),
  rentFreePremises: switchField({
    label: { 'zh-CN': '无偿使用场地', en: 'Rent-free premises' },
    help: { 'zh-CN': '运营场所由政府、国有企业等无偿提供', en: 'The premises are provided free of charge (by government, a state-owned enterprise …)' },
  }),
  subsidised: switchField({
    label: { 'zh-CN': '享受运营补贴', en: 'Receives subsidies' },
    help: {
      'zh-CN': '本年度享受建设、场地租金、机构运行、岗位或无障碍改造等补贴',
      en: 'Receives construction, rent, running, post or accessibility subsidies this year',
    },
  }),
  monthlyAverageIncome: optionalAmountField(20_000, {
    label: { 'zh-CN': '月人均劳动收入', en: 'Average monthly income' },
    help: {
      'zh-CN': '辅助性就业残疾人从劳动中获得的月人均收入（含劳动补贴），不含交通、伙食补贴',
      en: 'Average monthly earnings of the people in auxiliary employment from their work (incl. work allowances), not transport or meal allowances',
    },
    unit: YUAN_PER_MONTH_UNIT,
  }),
  /** 认定级别: Jilin 二(二)4 扶持省级残疾人辅助性就业机构 (a target may count only those). Optional: most are not recognised. */
  grade: optionalChoiceField(SITE_GRADES, {
    label: { 'zh-CN': '认定级别', en: 'Recognised at level' },
    help: {
      'zh-CN': '按认定本机构的最高一级填写（如省级残疾人辅助性就业机构）；尚未被认定的不填',
      en: 'The highest level that recognised the workshop (e.g. a provincial auxiliary-employment institution); leave empty if none has',
    },
    widget: 'select',
    options: SITE_GRADE_LABELS,
  }),
});
export type AuxiliaryWorkshopAttributes = z.infer<typeof auxiliaryWorkshopAttributes>;

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof auxiliaryWorkshopAttributes> = { host: 'community', participants: 20, disabilityCategories: ['intellectual'], labourProjects: ['手工编织'], contractedWorkers: 10, insuredWorkers: 8, jobCoaches: 2 };

export const auxiliaryWorkshop = defineSiteKind({
  code: 'auxiliary-workshop',
  labels: { 'zh-CN': '残疾人辅助性就业机构', en: 'Auxiliary-employment workshop' },
  description: {
    'zh-CN': '组织难以进入竞争性劳动力市场的智力、精神和重度肢体残疾人从事生产劳动并获得报酬的机构',
    en: 'Sheltered, paid work for people with intellectual, psychosocial or severe physical disabilities who cannot enter the open labour market',
  },
  aliases: [
    { 'zh-CN': '阳光家园', en: 'Sunshine Home' },
    { 'zh-CN': '阳光基地', en: 'Sunshine Base' },
    { 'zh-CN': '残疾人之家', en: 'Home for disabled people' },
    { 'zh-CN': '职业康复机构', en: 'Vocational rehabilitation centre' },
    { 'zh-CN': '就业帮扶车间', en: 'Employment support workshop' },
  ],
  attributes: auxiliaryWorkshopAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'contracted-within-participants': { ...valid, contractedWorkers: 21 },
      'insured-within-participants': { ...valid, insuredWorkers: 21 },
    },
  },
  metrics: ['participants'],
  rules: [
    {
      id: 'contracted-within-participants',
      description: {
        'zh-CN': '签订劳动合同（协议）人数不超过辅助性就业人数',
        en: 'Workers with a contract are among the people in auxiliary employment',
      },
      check: partWithinWhole<AuxiliaryWorkshopAttributes>('contractedWorkers', 'participants', {
        'zh-CN': '签订劳动合同（协议）人数不能多于辅助性就业人数：请核对这两项人数',
        en: 'People with a contract or agreement cannot outnumber the people in auxiliary employment: check both figures',
      }),
    },
    {
      id: 'insured-within-participants',
      description: {
        'zh-CN': '缴纳社会保险人数不超过辅助性就业人数',
        en: 'Insured workers are among the people in auxiliary employment',
      },
      check: partWithinWhole<AuxiliaryWorkshopAttributes>('insuredWorkers', 'participants', {
        'zh-CN': '缴纳社会保险人数不能多于辅助性就业人数：请核对这两项人数',
        en: 'People with social insurance paid cannot outnumber the people in auxiliary employment: check both figures',
      }),
    },
  ],
  listColumns: ['host', 'participants', 'contractedWorkers'],
  marker: { symbol: 'circle', color: '#b35900' },
  sources: ['吉林 二(二)4', '福建 五(一)', '上海 二(四)', '北京 四', '青岛 (八)', '渝北 二(五)'],
});
