import { blame, choiceField, countField, defineSiteKind, fieldMeta, multiChoiceField, optionalCountField, SITE_GRADE_LABELS, SITE_GRADES, type LocalizedText, type SiteGrade } from '@sitenet/domain';
import { z } from 'zod';

/** 基地级别: who recognised the base (国家级/省级/市级/区县级). */
export const INCUBATION_GRADES = SITE_GRADES;
export type IncubationGrade = SiteGrade;
const GRADE_LABELS = SITE_GRADE_LABELS;

/**
 * Services a base offers. Qingdao (十一) asks for a "low-cost, convenient, all-factor" platform;
 * the others name mentors (青岛 (九)), guaranteed loans (福建 三(一), 北京 三), a green
 * registration window (青岛 (九)), e-commerce and live streaming (上海 一(三), 吉林 二(二)3).
 */
export const INCUBATION_SERVICES = [
  'low-cost-space',
  'entrepreneurship-training',
  'mentoring',
  'guaranteed-loans',
  'financing',
  'policy-consulting',
  'business-registration',
  'e-commerce',
  'market-access',
] as const;
export type IncubationService = (typeof INCUBATION_SERVICES)[number];

const SERVICE_LABELS: Record<IncubationService, LocalizedText> = {
  'low-cost-space': { 'zh-CN': '低成本或免费场地', en: 'Low-cost or free space' },
  'entrepreneurship-training': { 'zh-CN': '创业培训', en: 'Entrepreneurship training' },
  mentoring: { 'zh-CN': '创业导师指导', en: 'Mentoring by start-up mentors' },
  'guaranteed-loans': { 'zh-CN': '创业担保贷款', en: 'Guaranteed start-up loans' },
  financing: { 'zh-CN': '其他融资对接', en: 'Other financing' },
  'policy-consulting': { 'zh-CN': '政策咨询与补贴申办', en: 'Policy advice and subsidy applications' },
  'business-registration': { 'zh-CN': '工商注册代办', en: 'Help with business registration' },
  'e-commerce': { 'zh-CN': '电商与直播带货支持', en: 'E-commerce and live-streaming support' },
  'market-access': { 'zh-CN': '产品展销与市场对接', en: 'Product fairs and market access' },
};

/** Who runs the base (Qingdao (十一): districts and enterprises; Shanghai 一(三): social forces). */
export const INCUBATION_OPERATOR_TYPES = [
  'government',
  'public-institution',
  'enterprise',
  'social-organisation',
  'education-training',
  'other',
] as const;
export type IncubationOperatorType = (typeof INCUBATION_OPERATOR_TYPES)[number];

const OPERATOR_TYPE_LABELS: Record<IncubationOperatorType, LocalizedText> = {
  government: { 'zh-CN': '政府部门或残联', en: 'Government department or disability federation' },
  'public-institution': { 'zh-CN': '事业单位', en: 'Public institution' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  'social-organisation': { 'zh-CN': '社会组织', en: 'Social organisation' },
  'education-training': { 'zh-CN': '院校或培训机构', en: 'School or training provider' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

const BUSINESSES: LocalizedText = { 'zh-CN': '个', en: 'businesses' };


export const incubationBaseAttributes = z.strictObject({
  grade: choiceField(INCUBATION_GRADES, {
    label: { 'zh-CN': '基地级别', en: 'Grade' },
    help: {
      'zh-CN': '按认定或命名基地的最高一级填写；尚未认定的按主管残联所在级别填写',
      en: 'The highest level that recognised the base; if none has yet, the level of the supervising disability federation',
    },
    widget: 'radio',
    options: GRADE_LABELS,
  }),
  floorArea: fieldMeta(z.number().min(0).max(200_000), {
    label: { 'zh-CN': '场地面积', en: 'Floor area' },
    help: { 'zh-CN': '可供残疾人创业使用的场地建筑面积', en: 'Floor space available to disabled entrepreneurs' },
    unit: { 'zh-CN': '平方米', en: 'm²' },
    widget: 'number',
  }),
  incubatedBusinesses: countField(1_000, {
    label: { 'zh-CN': '在孵企业（项目）数', en: 'Businesses being incubated' },
    help: {
      'zh-CN': '目前在基地孵化的企业、个体工商户和尚未注册的创业项目数，不含已出孵的',
      en: 'Companies, sole traders and not-yet-registered projects incubating now; not those that have graduated',
    },
    unit: BUSINESSES,
  }),
  disabledEntrepreneurs: countField(2_000, {
    label: { 'zh-CN': '残疾人创业者人数', en: 'Disabled entrepreneurs' },
    help: {
      'zh-CN': '创办或合伙创办在孵企业（项目）的残疾人人数，须持有残疾人证',
      en: 'Disabled people (with a disability certificate) who founded or co-founded a business being incubated',
    },
  }),
  jobsForDisabled: countField(10_000, {
    label: { 'zh-CN': '带动残疾人就业人数', en: 'Jobs for disabled people' },
    help: {
      'zh-CN': '在孵企业（项目）吸纳就业的残疾人人数，不含残疾人创业者本人',
      en: 'Disabled people employed by the businesses being incubated, not counting the disabled founders themselves',
    },
  }),
  services: multiChoiceField(INCUBATION_SERVICES, {
    label: { 'zh-CN': '提供的服务', en: 'Services offered' },
    help: { 'zh-CN': '基地为残疾人创业者实际提供的服务，至少选择一项', en: 'What the base actually offers disabled entrepreneurs; at least one' },
    options: SERVICE_LABELS,
    repeated: { 'zh-CN': '服务项目不能重复选择', en: 'Each service may be chosen only once' },
  }),
  operatorType: choiceField(INCUBATION_OPERATOR_TYPES, {
    label: { 'zh-CN': '运营主体类型', en: 'Type of operator' },
    help: { 'zh-CN': '实际负责基地日常运营的单位类型', en: 'The kind of body that runs the base day to day' },
    widget: 'select',
    options: OPERATOR_TYPE_LABELS,
  }),
  mentors: optionalCountField(500, {
    label: { 'zh-CN': '创业导师人数', en: 'Start-up mentors' },
    help: {
      'zh-CN': '为基地残疾人创业者提供指导的创业导师人数，含外聘的行业专家和企业家',
      en: 'Mentors advising the disabled entrepreneurs, including external industry experts and entrepreneurs',
    },
  }),
});
export type IncubationBaseAttributes = z.infer<typeof incubationBaseAttributes>;

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof incubationBaseAttributes> = { grade: 'prefectural', floorArea: 1200, incubatedBusinesses: 12, disabledEntrepreneurs: 15, jobsForDisabled: 40, services: ['low-cost-space', 'mentoring'], operatorType: 'public-institution', mentors: 3 };

export const incubationBase = defineSiteKind({
  code: 'incubation-base',
  labels: { 'zh-CN': '残疾人创业孵化基地', en: 'Incubation base for disabled entrepreneurs' },
  description: {
    'zh-CN': '为残疾人创业者提供低成本场地、创业培训、创业导师和创业担保贷款等综合服务的孵化载体',
    en: 'An incubator giving disabled entrepreneurs low-cost space, training, mentors and guaranteed start-up loans',
  },
  aliases: [
    { 'zh-CN': '创业孵化载体', en: 'Incubation carrier' },
    { 'zh-CN': '残疾人创业园地', en: 'Start-up park for disabled people' },
    { 'zh-CN': '残疾人就业创业孵化基地', en: 'Employment and entrepreneurship incubation base' },
  ],
  attributes: incubationBaseAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'people-need-a-business': { ...valid, incubatedBusinesses: 0 },
      'mentoring-needs-mentors': { ...valid, mentors: 0 },
    },
  },
  metrics: ['incubatedBusinesses', 'disabledEntrepreneurs', 'jobsForDisabled'],
  rules: [
    {
      id: 'people-need-a-business',
      description: {
        'zh-CN': '有残疾人创业者或带动就业人数时，在孵企业（项目）数至少为 1',
        en: 'Disabled entrepreneurs or jobs imply at least one business being incubated',
      },
      check: (a) =>
        (a.disabledEntrepreneurs > 0 || a.jobsForDisabled > 0) && a.incubatedBusinesses === 0
          ? blame('incubatedBusinesses', {
              'zh-CN': '已填写残疾人创业者或带动就业人数，在孵企业（项目）数不能为 0：请填写在孵的企业或项目数',
              en: 'There are disabled entrepreneurs or jobs, so businesses being incubated cannot be 0: count the businesses or projects',
            })
          : [],
    },
    {
      id: 'mentoring-needs-mentors',
      description: { 'zh-CN': '提供创业导师指导时，创业导师人数不能为 0', en: 'Offering mentoring implies at least one mentor' },
      check: (a) =>
        a.services.includes('mentoring') && a.mentors === 0
          ? blame('mentors', {
              'zh-CN': '已选择“创业导师指导”，创业导师人数不能为 0：请填写导师人数，或取消该服务',
              en: 'Mentoring is ticked, so mentors cannot be 0: give the number of mentors or untick the service',
            })
          : [],
    },
  ],
  listColumns: ['grade', 'incubatedBusinesses', 'jobsForDisabled'],
  marker: { symbol: 'diamond', color: '#1f6feb' },
  sources: ['吉林 二(二)3', '上海 一(三)', '福建 三(三)', '北京 三', '青岛 (九)', '青岛 (十一)', '渝北 二(九)'],
});
