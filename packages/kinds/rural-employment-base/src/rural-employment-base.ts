import { blame, partWithinWhole, optionalAmountField, choiceField, countField, defineSiteKind, fieldMeta, multiChoiceField, SITE_GRADE_LABELS, SITE_GRADES, switchField, type LocalizedText, type SiteGrade } from '@sitenet/domain';
import { z } from 'zod';

/** 认定级别 of a base, when one has been recognised (吉林 二(三)6: "对符合标准的按规定给予扶持"). */
export const RURAL_BASE_GRADES = SITE_GRADES;
export type RuralBaseGrade = SiteGrade;
const GRADE_LABELS = SITE_GRADE_LABELS;

/**
 * Who runs the base: 吉林 二(三)6 and 上海 二(六) name leading agricultural enterprises, farmers'
 * cooperatives and family farms; 青岛 (十三) adds large crop and livestock growers (种养业大户).
 */
export const RURAL_BASE_OPERATOR_TYPES = ['leading-enterprise', 'farmers-cooperative', 'family-farm', 'large-grower', 'other'] as const;
export type RuralBaseOperatorType = (typeof RURAL_BASE_OPERATOR_TYPES)[number];

const OPERATOR_TYPE_LABELS: Record<RuralBaseOperatorType, LocalizedText> = {
  'leading-enterprise': { 'zh-CN': '农业产业化龙头企业', en: 'Leading agricultural enterprise' },
  'farmers-cooperative': { 'zh-CN': '农民专业合作社', en: 'Farmers’ cooperative' },
  'family-farm': { 'zh-CN': '家庭农场', en: 'Family farm' },
  'large-grower': { 'zh-CN': '种养大户', en: 'Large crop or livestock grower' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * What the base produces: 青岛 (十三) lists planting, breeding, processing, traditional crafts,
 * rural tourism and rural e-commerce; 吉林 二(三)6 rural e-commerce.
 */
export const RURAL_BASE_INDUSTRIES = [
  'crop-farming',
  'livestock',
  'agro-processing',
  'rural-tourism',
  'rural-e-commerce',
  'traditional-crafts',
  'other',
] as const;
export type RuralBaseIndustry = (typeof RURAL_BASE_INDUSTRIES)[number];

const INDUSTRY_LABELS: Record<RuralBaseIndustry, LocalizedText> = {
  'crop-farming': { 'zh-CN': '种植', en: 'Crop farming' },
  livestock: { 'zh-CN': '养殖', en: 'Livestock and fish farming' },
  'agro-processing': { 'zh-CN': '农产品加工', en: 'Farm-produce processing' },
  'rural-tourism': { 'zh-CN': '乡村旅游', en: 'Rural tourism' },
  'rural-e-commerce': { 'zh-CN': '农村电商', en: 'Rural e-commerce' },
  'traditional-crafts': { 'zh-CN': '传统手工艺', en: 'Traditional crafts' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const MAX_DISABLED_EMPLOYED = 1_000;
export const MAX_HOUSEHOLDS = 5_000;

const HOUSEHOLDS: LocalizedText = { 'zh-CN': '户', en: 'households' };

export const ruralEmploymentBaseAttributes = z.strictObject({
  operatorType: choiceField(RURAL_BASE_OPERATOR_TYPES, {
    label: { 'zh-CN': '依托主体类型', en: 'Type of operator' },
    help: { 'zh-CN': '基地依托的新型农业经营主体类型', en: 'The kind of farm business the base is part of' },
    widget: 'select',
    options: OPERATOR_TYPE_LABELS,
  }),
  industries: multiChoiceField(RURAL_BASE_INDUSTRIES, {
    label: { 'zh-CN': '产业类型', en: 'Industries' },
    help: { 'zh-CN': '残疾人在本基地从事的产业，可多选', en: 'What disabled people work at in the base; choose all that apply' },
    options: INDUSTRY_LABELS,
    repeated: { 'zh-CN': '产业类型不能重复选择', en: 'Each industry may be chosen only once' },
  }),
  disabledEmployed: countField(MAX_DISABLED_EMPLOYED, {
    label: { 'zh-CN': '吸纳残疾人就业人数', en: 'Disabled people employed' },
    help: {
      'zh-CN': '在本基地务工或签订劳动合同、按时取得劳动报酬的残疾人人数（含季节性稳定务工），不含只获得土地流转费或分红的',
      en: 'Disabled people working for the base for regular pay (incl. steady seasonal work); not those who only receive land rent or dividends',
    },
  }),
  disabledInProduction: countField(MAX_HOUSEHOLDS, {
    label: { 'zh-CN': '辐射带动从事生产劳动的残疾人数', en: 'Disabled people drawn into production' },
    help: {
      'zh-CN': '未在本基地就业，但通过订单生产、托管代养、技术指导等由基地带动在自家从事种养或加工的残疾人人数，不含上项吸纳就业的人',
      en: 'Disabled people not employed by the base whom it helps farm or process at home (contract farming, custodial rearing, technical advice); not those counted as employed',
    },
  }),
  disabledHouseholdsHelped: countField(MAX_HOUSEHOLDS, {
    label: { 'zh-CN': '帮扶残疾人家庭户数', en: 'Households of disabled people helped' },
    help: {
      'zh-CN': '通过就业、订单生产、土地流转、入股分红、技术指导等方式由本基地帮扶增收的残疾人家庭户数，同一户只计一次',
      en: 'Households with a disabled member whose income the base raises through jobs, contract farming, land rent, dividends or technical advice; each household once',
    },
    unit: HOUSEHOLDS,
  }),
  heavyDisabilityHouseholds: countField(MAX_HOUSEHOLDS, {
    label: { 'zh-CN': '其中重度残疾人家庭户数', en: 'Of which households with a severely disabled member' },
    help: {
      'zh-CN': '帮扶的残疾人家庭中，有一、二级（重度）残疾人的家庭户数',
      en: 'Of the households helped, those with a member with a grade 1 or 2 (severe) disability',
    },
    unit: HOUSEHOLDS,
  }),
  annualIncomeIncrease: optionalAmountField(200_000, {
    label: { 'zh-CN': '户均年增收', en: 'Yearly income increase per household' },
    help: {
      'zh-CN': '帮扶的残疾人家庭上一年度户均增加的收入（工资、订单收入、流转费和分红等）；不清楚可不填',
      en: 'Average income gained last year per household helped (wages, contract income, land rent, dividends); leave empty if unknown',
    },
    unit: { 'zh-CN': '元', en: 'yuan' },
  }),
  recognisedLevel: fieldMeta(z.enum(RURAL_BASE_GRADES).optional(), {
    label: { 'zh-CN': '认定级别', en: 'Recognised at level' },
    help: {
      'zh-CN': '按认定本基地的最高一级填写；尚未被认定为就业帮扶基地的不填',
      en: 'The highest level that recognised the base; leave empty if it has not been recognised yet',
    },
    widget: 'select',
    options: GRADE_LABELS,
  }),
  supported: switchField({
    label: { 'zh-CN': '享受扶持', en: 'Receives support' },
    help: {
      'zh-CN': '本年度按规定获得财政扶持、贴息或融资支持',
      en: 'Receives public funding, interest subsidies or financing support this year',
    },
  }),
});
export type RuralEmploymentBaseAttributes = z.infer<typeof ruralEmploymentBaseAttributes>;

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof ruralEmploymentBaseAttributes> = { operatorType: 'farmers-cooperative', industries: ['crop-farming'], disabledEmployed: 5, disabledInProduction: 3, disabledHouseholdsHelped: 8, heavyDisabilityHouseholds: 2 };

export const ruralEmploymentBase = defineSiteKind({
  code: 'rural-employment-base',
  labels: { 'zh-CN': '农村残疾人就业帮扶基地', en: 'Rural employment base' },
  description: {
    'zh-CN': '依托联农带农效果明显的龙头企业、农民专业合作社、家庭农场等，吸纳残疾人就业并带动残疾人家庭增收的基地',
    en: 'A leading agricultural enterprise, cooperative or family farm that employs rural disabled people and raises their households’ income',
  },
  // 就业帮扶基地 in 福建 四(一) and 青岛 (十三); Shanghai's 扶残涉农经济组织 (上海 二(六)) play the same part.
  aliases: [
    { 'zh-CN': '残疾人就业帮扶基地', en: 'Employment support base for disabled people' },
    { 'zh-CN': '扶残涉农经济组织', en: 'Farm business supporting disabled people' },
  ],
  attributes: ruralEmploymentBaseAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'people-need-a-household': { ...valid, disabledHouseholdsHelped: 0, heavyDisabilityHouseholds: 0 },
      'heavy-within-households': { ...valid, heavyDisabilityHouseholds: 9 },
    },
  },
  metrics: ['disabledEmployed', 'disabledHouseholdsHelped'],
  rules: [
    {
      id: 'people-need-a-household',
      description: {
        'zh-CN': '有吸纳就业或辐射带动的残疾人时，帮扶残疾人家庭户数至少为 1',
        en: 'Disabled people employed or drawn into production imply at least one household helped',
      },
      check: (a) =>
        (a.disabledEmployed > 0 || a.disabledInProduction > 0) && a.disabledHouseholdsHelped === 0
          ? blame('disabledHouseholdsHelped', {
              'zh-CN': '已填写吸纳就业或辐射带动的残疾人，帮扶残疾人家庭户数不能为 0：这些残疾人所在的家庭都计入帮扶户数',
              en: 'There are disabled people employed or drawn into production, so households helped cannot be 0: count their households',
            })
          : [],
    },
    {
      id: 'heavy-within-households',
      description: {
        'zh-CN': '重度残疾人家庭户数不超过帮扶残疾人家庭户数',
        en: 'Households with a severely disabled member are among the households helped',
      },
      check: partWithinWhole<RuralEmploymentBaseAttributes>('heavyDisabilityHouseholds', 'disabledHouseholdsHelped', {
        'zh-CN': '其中重度残疾人家庭户数不能多于帮扶残疾人家庭户数：请核对这两项户数',
        en: 'Households with a severely disabled member cannot outnumber the households helped: check both figures',
      }),
    },
  ],
  listColumns: ['operatorType', 'disabledEmployed', 'disabledHouseholdsHelped'],
  marker: { symbol: 'arrow', color: '#00838f' },
  sources: ['吉林 二(三)6', '福建 四(一)', '福建 四(三)', '上海 二(六)', '青岛 (十三)'],
});
