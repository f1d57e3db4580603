import { partWithinWhole, choiceField, countField, defineSiteKind, multiChoiceField, optionalMultiChoiceField, SITE_GRADE_LABELS, SITE_GRADES, type LocalizedText, type SiteGrade } from '@sitenet/domain';
import { z } from 'zod';

/** 基地级别 (青岛 (五): "打造国家级、省级残疾人职业培训基地"). Same scale as incubation bases. */
export const TRAINING_GRADES = SITE_GRADES;
export type TrainingGrade = SiteGrade;
const GRADE_LABELS = SITE_GRADE_LABELS;

/**
 * Occupations the texts name for disabled trainees: e-commerce, live streaming, short video,
 * cloud moderation, audiobooks and data labelling (青岛 (六)); voice customer service, data
 * labelling and audio editing for blind people (北京 七); massage (上海 三(八), 福建 五(三));
 * crafts and intangible heritage (青岛 (四), 吉林 二(四)9); rural practical skills and logistics
 * (青岛 (十三)); piano tuning (the 2022–2024 breakdown table).
 */
export const TRAINING_OCCUPATIONS = [
  'e-commerce',
  'live-streaming',
  'short-video',
  'data-labelling',
  'content-moderation',
  'customer-service',
  'audio-production',
  'computer-office',
  'health-care-massage',
  'medical-massage',
  'handicrafts',
  'intangible-heritage',
  'catering',
  'farming-horticulture',
  'logistics',
  'piano-tuning',
  'other',
] as const;
export type TrainingOccupation = (typeof TRAINING_OCCUPATIONS)[number];

const OCCUPATION_LABELS: Record<TrainingOccupation, LocalizedText> = {
  'e-commerce': { 'zh-CN': '电子商务', en: 'E-commerce' },
  'live-streaming': { 'zh-CN': '直播带货', en: 'Live-stream selling' },
  'short-video': { 'zh-CN': '短视频拍摄与剪辑', en: 'Short-video production' },
  'data-labelling': { 'zh-CN': '数据标注', en: 'Data labelling' },
  'content-moderation': { 'zh-CN': '云审核', en: 'Online content moderation' },
  'customer-service': { 'zh-CN': '客服（含语音客服）', en: 'Customer service (incl. voice)' },
  'audio-production': { 'zh-CN': '有声演播与音频编辑', en: 'Audiobook narration and audio editing' },
  'computer-office': { 'zh-CN': '计算机操作与办公软件', en: 'Computer and office skills' },
  'health-care-massage': { 'zh-CN': '保健按摩', en: 'Health-care massage' },
  'medical-massage': { 'zh-CN': '医疗按摩', en: 'Medical massage' },
  handicrafts: { 'zh-CN': '传统手工艺', en: 'Traditional handicrafts' },
  'intangible-heritage': { 'zh-CN': '非遗技艺', en: 'Intangible cultural heritage crafts' },
  catering: { 'zh-CN': '餐饮（烹饪、面点）', en: 'Catering (cooking, pastry)' },
  'farming-horticulture': { 'zh-CN': '种植养殖与园艺', en: 'Farming and horticulture' },
  logistics: { 'zh-CN': '寄递物流', en: 'Parcel delivery and logistics' },
  'piano-tuning': { 'zh-CN': '钢琴调律', en: 'Piano tuning' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * Accommodations in the teaching itself. The premises' own features (ramps, lifts, accessible
 * toilets …) are the common `barrierFree` field of every site and are not repeated here.
 */
export const TRAINING_ACCOMMODATIONS = [
  'sign-language-interpreting',
  'live-captioning',
  'braille-materials',
  'large-print-materials',
  'screen-reader-courseware',
  'easy-read-materials',
  'accessible-classrooms',
  'online-courses',
  'outreach-training',
] as const;
export type TrainingAccommodation = (typeof TRAINING_ACCOMMODATIONS)[number];

const ACCOMMODATION_LABELS: Record<TrainingAccommodation, LocalizedText> = {
  'sign-language-interpreting': { 'zh-CN': '手语翻译', en: 'Sign-language interpreting' },
  'live-captioning': { 'zh-CN': '实时字幕', en: 'Live captioning' },
  'braille-materials': { 'zh-CN': '盲文教材', en: 'Braille materials' },
  'large-print-materials': { 'zh-CN': '大字版教材', en: 'Large-print materials' },
  'screen-reader-courseware': { 'zh-CN': '读屏软件可用的课件', en: 'Screen-reader-accessible courseware' },
  'easy-read-materials': { 'zh-CN': '易读版教材', en: 'Easy-read materials' },
  'accessible-classrooms': { 'zh-CN': '无障碍教室和实训工位', en: 'Accessible classrooms and practice stations' },
  'online-courses': { 'zh-CN': '线上课程', en: 'Online courses' },
  'outreach-training': { 'zh-CN': '送训上门（巡回培训）', en: 'Training brought to trainees (outreach)' },
};

export const MAX_YEARLY_TRAINEES = 20_000;

const PERSON_TIMES: LocalizedText = { 'zh-CN': '人次', en: 'person-times' };

export const trainingBaseAttributes = z.strictObject({
  grade: choiceField(TRAINING_GRADES, {
    label: { 'zh-CN': '基地级别', en: 'Grade' },
    help: {
      'zh-CN': '按认定或命名基地的最高一级填写；尚未认定的按主管残联所在级别填写',
      en: 'The highest level that recognised the base; if none has yet, the level of the supervising disability federation',
    },
    widget: 'radio',
    options: GRADE_LABELS,
  }),
  yearlyCapacity: countField(MAX_YEARLY_TRAINEES, {
    label: { 'zh-CN': '年培训能力', en: 'Yearly training capacity' },
    help: { 'zh-CN': '按现有场地、设备和师资，每年可培训残疾人的人次', en: 'Person-times of disabled trainees a year the premises, equipment and teachers allow' },
    unit: { 'zh-CN': '人次/年', en: 'person-times/year' },
  }),
  occupations: multiChoiceField(TRAINING_OCCUPATIONS, {
    label: { 'zh-CN': '培训项目（职业工种）', en: 'Occupations taught' },
    help: { 'zh-CN': '本基地面向残疾人开设的培训项目，可多选', en: 'What the base trains disabled people for; choose all that apply' },
    options: OCCUPATION_LABELS,
    repeated: { 'zh-CN': '培训项目不能重复选择', en: 'Each occupation may be chosen only once' },
  }),
  traineesLastYear: countField(MAX_YEARLY_TRAINEES, {
    label: { 'zh-CN': '上年度培训残疾人人次', en: 'Disabled trainees last year' },
    help: {
      'zh-CN': '上一自然年度参加本基地培训的残疾人人次，同一人参加多期按多次计',
      en: 'Person-times of disabled trainees in the last calendar year; a person on several courses counts once per course',
    },
    unit: PERSON_TIMES,
  }),
  employedAfterTraining: countField(MAX_YEARLY_TRAINEES, {
    label: { 'zh-CN': '培训后实现就业人数', en: 'Employed after training' },
    help: {
      'zh-CN': '上年度参训残疾人中，培训结束后实现就业或创业的人数（按人计，不按人次）；培训后就业转化率由系统计算',
      en: 'Of last year’s disabled trainees, the people (not person-times) employed or self-employed after training; the employment rate is computed',
    },
  }),
  barrierFreeTraining: optionalMultiChoiceField(TRAINING_ACCOMMODATIONS, {
    label: { 'zh-CN': '培训无障碍支持', en: 'Accessible training' },
    help: {
      'zh-CN': '教学中提供的合理便利，可多选；场所的坡道、电梯、无障碍卫生间等请在“无障碍设施”中填写',
      en: 'Accommodations in the teaching; choose all that apply. Ramps, lifts, accessible toilets etc. go under the site’s barrier-free features',
    },
    options: ACCOMMODATION_LABELS,
    repeated: { 'zh-CN': '培训无障碍支持不能重复选择', en: 'Each training accommodation may be chosen only once' },
  }),
});
export type TrainingBaseAttributes = z.infer<typeof trainingBaseAttributes>;

/**
 * 培训后就业转化率: derived, never stored. People employed over person-times trained, so it
 * understates the rate for people who took several courses; null when nobody was trained.
 */
export function employmentRateAfterTraining(attributes: Pick<TrainingBaseAttributes, 'traineesLastYear' | 'employedAfterTraining'>): number | null {
  if (attributes.traineesLastYear === 0) return null;
  return attributes.employedAfterTraining / attributes.traineesLastYear;
}

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof trainingBaseAttributes> = { grade: 'provincial', yearlyCapacity: 300, occupations: ['e-commerce', 'data-labelling'], traineesLastYear: 120, employedAfterTraining: 60 };

export const trainingBase = defineSiteKind({
  code: 'training-base',
  labels: { 'zh-CN': '残疾人职业培训基地', en: 'Vocational training base' },
  description: {
    'zh-CN': '为残疾人提供就业技能培训、岗位技能提升培训或创业培训的基地',
    en: 'A base giving disabled people vocational, on-the-job or entrepreneurship training',
  },
  aliases: [
    { 'zh-CN': '公共实训基地', en: 'Public practical-training base' },
    { 'zh-CN': '盲人按摩实训基地', en: 'Blind massage training base' },
    { 'zh-CN': '残疾人职业培训机构', en: 'Vocational training provider for disabled people' },
  ],
  attributes: trainingBaseAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'employed-within-trainees': { ...valid, employedAfterTraining: 121 },
    },
  },
  metrics: ['traineesLastYear', 'employedAfterTraining', 'yearlyCapacity'],
  rules: [
    {
      id: 'employed-within-trainees',
      description: {
        'zh-CN': '培训后实现就业人数不超过上年度培训人次',
        en: 'People employed after training are among last year’s trainees',
      },
      check: partWithinWhole<TrainingBaseAttributes>('employedAfterTraining', 'traineesLastYear', {
        'zh-CN': '培训后实现就业人数不能多于上年度培训残疾人人次：只计上年度参训的人，请核对',
        en: 'People employed after training cannot outnumber last year’s trainees: count only people trained last year',
      }),
    },
  ],
  listColumns: ['grade', 'yearlyCapacity', 'traineesLastYear'],
  marker: { symbol: 'rect', color: '#2e7d32' },
  sources: ['青岛 (十一)', '青岛 (四)', '青岛 (五)', '福建 七(一)', '北京 九', '上海 三(八)', '渝北 二(十)'],
});
