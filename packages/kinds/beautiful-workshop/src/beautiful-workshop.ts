import { partWithinWhole, optionalAmountField, choiceField, countField, defineSiteKind, multiChoiceField, SITE_GRADE_LABELS, SITE_GRADES, switchField, YUAN_PER_MONTH_UNIT, type LocalizedText, type SiteGrade } from '@sitenet/domain';
import { z } from 'zod';

/** 工坊级别: Jilin 二(二)3 cultivates the workshops level by level (逐级培育打造). */
export const BEAUTIFUL_WORKSHOP_GRADES = SITE_GRADES;
export type BeautifulWorkshopGrade = SiteGrade;
const GRADE_LABELS = SITE_GRADE_LABELS;

/**
 * What the women do and how it is sold. The texts pair 美丽工坊 with handicrafts, intangible
 * heritage and cultural-creative work (吉林 二(二)3 "文创+残疾人就业", 渝北 二(四) 文创基地,
 * 福建 三(三)), e-commerce platforms (吉林 二(二)3) and outsourced or farm-produce processing
 * (吉林 二(二)4 hosts auxiliary employment in 美丽工坊).
 */
export const BEAUTIFUL_WORKSHOP_PROJECTS = [
  'hand-knitting',
  'embroidery',
  'intangible-heritage',
  'cultural-creative',
  'sewing',
  'outsourced-processing',
  'agricultural-processing',
  'e-commerce-live-streaming',
  'other',
] as const;
export type BeautifulWorkshopProject = (typeof BEAUTIFUL_WORKSHOP_PROJECTS)[number];

const PROJECT_LABELS: Record<BeautifulWorkshopProject, LocalizedText> = {
  'hand-knitting': { 'zh-CN': '手工编织', en: 'Hand knitting and weaving' },
  embroidery: { 'zh-CN': '刺绣', en: 'Embroidery' },
  'intangible-heritage': { 'zh-CN': '非遗手工艺（剪纸、布艺等）', en: 'Intangible-heritage crafts (paper-cutting, cloth art …)' },
  'cultural-creative': { 'zh-CN': '文创产品', en: 'Cultural and creative products' },
  sewing: { 'zh-CN': '服装缝纫', en: 'Sewing and garments' },
  'outsourced-processing': { 'zh-CN': '来料加工', en: 'Outsourced processing (assembly, packing …)' },
  'agricultural-processing': { 'zh-CN': '农产品加工', en: 'Farm-produce processing' },
  'e-commerce-live-streaming': { 'zh-CN': '电商直播销售', en: 'E-commerce and live-stream selling' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const MAX_WOMEN_EMPLOYED = 1_000;
export const MAX_WOMEN_SUPPORTED = 5_000;


export const beautifulWorkshopAttributes = z.strictObject({
  grade: choiceField(BEAUTIFUL_WORKSHOP_GRADES, {
    label: { 'zh-CN': '工坊级别', en: 'Grade' },
    help: {
      'zh-CN': '按命名或认定本工坊的最高一级填写；尚未命名的按主管残联所在级别填写',
      en: 'The highest level that named or recognised the workshop; if none has yet, the level of the supervising disability federation',
    },
    widget: 'radio',
    options: GRADE_LABELS,
  }),
  disabledWomenEmployed: countField(MAX_WOMEN_EMPLOYED, {
    label: { 'zh-CN': '安置就业的残疾妇女人数', en: 'Disabled women employed' },
    help: {
      'zh-CN': '与本工坊签订劳动合同或用工协议、稳定取得劳动报酬的残疾妇女人数（在工坊或居家工作均可），不含健全员工和男性残疾人',
      en: 'Disabled women with a labour contract or work agreement with the workshop and regular pay (on site or at home); not non-disabled staff or disabled men',
    },
  }),
  disabledWomenSupported: countField(MAX_WOMEN_SUPPORTED, {
    label: { 'zh-CN': '安置带动就业增收的残疾妇女人数', en: 'Disabled women employed or supported' },
    help: {
      'zh-CN':
        '合计人数，含上项安置就业的残疾妇女，另加通过居家订单、来料加工、代销产品、技能培训等由本工坊带动增收的残疾妇女；同一人只计一次',
      en: 'A total: the disabled women employed (above) plus those whose income the workshop raises through home orders, outsourced work, selling their products or training; each woman once',
    },
  }),
  projects: multiChoiceField(BEAUTIFUL_WORKSHOP_PROJECTS, {
    label: { 'zh-CN': '工坊项目', en: 'Projects' },
    help: {
      'zh-CN': '工坊组织残疾妇女从事的生产项目和销售方式，可多选',
      en: 'What the women make or do in the workshop and how it is sold; choose all that apply',
    },
    options: PROJECT_LABELS,
    repeated: { 'zh-CN': '工坊项目不能重复选择', en: 'Each project may be chosen only once' },
  }),
  womenFederationPartner: switchField({
    label: { 'zh-CN': '与妇联共建', en: 'Built with the Women’s Federation' },
    help: {
      'zh-CN': '由妇联与残联共同命名、共建或联合扶持',
      en: 'Named, built or supported jointly by the Women’s Federation and the disability federation',
    },
  }),
  funded: switchField({
    label: { 'zh-CN': '获得资金扶持', en: 'Receives funding' },
    help: {
      'zh-CN': '本年度按规定获得财政、残疾人就业保障金或妇联等资金扶持',
      en: 'Receives public, employment-security-fund or Women’s Federation funding this year',
    },
  }),
  averageMonthlyIncome: optionalAmountField(20_000, {
    label: { 'zh-CN': '安置就业残疾妇女月人均收入', en: 'Average monthly income of the women employed' },
    help: {
      'zh-CN': '安置就业的残疾妇女从工坊获得的月人均劳动收入（含计件报酬），不含生活补贴',
      en: 'Average monthly earnings from the workshop of the disabled women employed (incl. piece rates), not living allowances',
    },
    unit: YUAN_PER_MONTH_UNIT,
  }),
});
export type BeautifulWorkshopAttributes = z.infer<typeof beautifulWorkshopAttributes>;

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof beautifulWorkshopAttributes> = { grade: 'county', disabledWomenEmployed: 8, disabledWomenSupported: 20, projects: ['embroidery', 'hand-knitting'] };

export const beautifulWorkshop = defineSiteKind({
  code: 'beautiful-workshop',
  labels: { 'zh-CN': '残疾妇女“美丽工坊”', en: 'Beautiful workshop for disabled women' },
  description: {
    'zh-CN': '由残联、妇联等培育打造，组织残疾妇女从事手工、文创、加工和电商等生产经营并带动其就业增收的工坊',
    en: 'A workshop, fostered by the disability and women’s federations, where disabled women earn through crafts, creative work, processing or e-commerce',
  },
  aliases: [
    { 'zh-CN': '美丽工坊', en: 'Beautiful workshop' },
    { 'zh-CN': '残疾妇女美丽工坊', en: 'Beautiful workshop of disabled women' },
  ],
  attributes: beautifulWorkshopAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'supported-includes-employed': { ...valid, disabledWomenSupported: 7 },
    },
  },
  metrics: ['disabledWomenEmployed', 'disabledWomenSupported'],
  rules: [
    {
      id: 'supported-includes-employed',
      description: {
        'zh-CN': '安置带动就业增收的残疾妇女人数包含安置就业的人数，不少于后者',
        en: 'The disabled women employed or supported include those employed',
      },
      check: partWithinWhole<BeautifulWorkshopAttributes>('disabledWomenEmployed', 'disabledWomenSupported', {
        'zh-CN': '安置带动就业增收的残疾妇女人数是合计数，含安置就业的人数，不能少于安置就业的残疾妇女人数：请核对这两项人数',
        en: 'Disabled women employed or supported is a total that includes those employed, so it cannot be smaller: check both figures',
      }, 'disabledWomenSupported'),
    },
  ],
  listColumns: ['grade', 'disabledWomenEmployed', 'disabledWomenSupported'],
  marker: { symbol: 'pin', color: '#c2185b' },
  sources: ['吉林 二(二)3', '吉林 二(二)4', '福建 三(三)', '北京 三', '渝北 二(四)'],
});
