import { blame, partWithinWhole, choiceField, countField, defineSiteKind, fieldMeta, optionalCountField, switchField, type CrossFieldIssue, type LocalizedText } from '@sitenet/domain';
import { calendarDate, lineText } from '@sitenet/domain/schemas';
import { z } from 'zod';

/**
 * 盲人医疗按摩所 is a medical institution: it holds a 医疗机构执业许可证 and may be designated for
 * medical insurance (吉林 二(三)7, 福建 五(三), 青岛 (十五)). 盲人保健按摩机构 is an ordinary
 * business offering health-care (non-medical) massage.
 */
export const BLIND_MASSAGE_TYPES = ['medical', 'health-care'] as const;
export type BlindMassageType = (typeof BLIND_MASSAGE_TYPES)[number];

const TYPE_LABELS: Record<BlindMassageType, LocalizedText> = {
  medical: { 'zh-CN': '盲人医疗按摩所', en: 'Medical massage clinic' },
  'health-care': { 'zh-CN': '盲人保健按摩机构', en: 'Health-care massage institution' },
};

export const MAX_PRACTITIONERS = 500;


const EARLIEST_EXPIRY = '2000-01-01';
const LATEST_EXPIRY = '2099-12-31';

/** A calendar date (the domain's one definition: YYYY-MM-DD, a day that exists, `format: date`), within plausible licence years. */
const expiryDate = calendarDate({ min: EARLIEST_EXPIRY, max: LATEST_EXPIRY });

const titleCount = (level: LocalizedText, levelEn: string) =>
  optionalCountField(MAX_PRACTITIONERS, {
    label: { 'zh-CN': `${level['zh-CN']}职称人数`, en: `${level.en} titles` },
    help: {
      'zh-CN': `持证盲人医疗按摩人员中取得盲人医疗按摩专业${level['zh-CN']}职称的人数`,
      en: `Certified blind medical masseurs holding a ${levelEn} professional title in blind medical massage`,
    },
  });

export const blindMassageAttributes = z.strictObject({
  type: choiceField(BLIND_MASSAGE_TYPES, {
    label: { 'zh-CN': '机构类型', en: 'Type' },
    help: {
      'zh-CN': '持有医疗机构执业许可证的为盲人医疗按摩所，其余为盲人保健按摩机构',
      en: 'A clinic with a medical institution practising licence is a medical massage clinic; the others are health-care institutions',
    },
    widget: 'radio',
    options: TYPE_LABELS,
  }),
  licenceNumber: fieldMeta(lineText(4, 50).optional(), {
    label: { 'zh-CN': '医疗机构执业许可证登记号', en: 'Practising licence number' },
    help: {
      'zh-CN': '《医疗机构执业许可证》正本上的登记号；盲人医疗按摩所必填',
      en: 'The registration number on the medical institution practising licence; required for a medical clinic',
    },
    widget: 'text',
  }),
  licenceExpiresOn: fieldMeta(expiryDate.optional(), {
    label: { 'zh-CN': '许可证有效期至', en: 'Licence valid until' },
    help: {
      'zh-CN': '《医疗机构执业许可证》有效期的截止日期；盲人医疗按摩所必填，换证后请及时更新',
      en: 'The last day the practising licence is valid; required for a medical clinic, update it on renewal',
    },
    widget: 'date',
  }),
  blindPractitioners: countField(MAX_PRACTITIONERS, {
    label: { 'zh-CN': '盲人从业人员数', en: 'Blind practitioners' },
    help: {
      'zh-CN': '在本机构从事按摩工作的视力残疾人（含低视力）人数，含持证盲人医疗按摩人员，不含明眼人员工',
      en: 'Visually impaired people (incl. low vision) working here as masseurs, including certified medical masseurs; not sighted staff',
    },
  }),
  certifiedMedicalMasseurs: countField(MAX_PRACTITIONERS, {
    label: { 'zh-CN': '持证盲人医疗按摩人员数', en: 'Certified blind medical masseurs' },
    help: {
      'zh-CN': '盲人从业人员中取得盲人医疗按摩人员考试合格证书的人数；明眼医师、康复治疗师不计入',
      en: 'Of the blind practitioners, those who passed the blind medical masseur examination; sighted doctors or therapists do not count',
    },
  }),
  juniorTitles: titleCount({ 'zh-CN': '初级', en: 'Junior' }, 'junior'),
  intermediateTitles: titleCount({ 'zh-CN': '中级', en: 'Intermediate' }, 'intermediate'),
  seniorTitles: titleCount({ 'zh-CN': '副高级及以上', en: 'Senior' }, 'associate-senior or senior'),
  medicalInsuranceDesignated: switchField({
    label: { 'zh-CN': '医保定点', en: 'Designated for medical insurance' },
    help: { 'zh-CN': '已纳入医疗保障定点管理；仅盲人医疗按摩所可以', en: 'Under medical insurance designated management; only medical clinics can be' },
  }),
  qualityBrand: switchField({
    label: { 'zh-CN': '精品（示范）机构', en: 'Recognised quality brand' },
    help: {
      'zh-CN': '经残联认定的盲人按摩精品机构、示范店或品牌机构（如“齐鲁手创”）',
      en: 'Recognised by the disability federation as a quality, model or brand institution (e.g. 齐鲁手创)',
    },
  }),
  beds: optionalCountField(200, { label: { 'zh-CN': '按摩床位数', en: 'Massage beds' }, unit: { 'zh-CN': '张', en: 'beds' } }),
});
export type BlindMassageAttributes = z.infer<typeof blindMassageAttributes>;

function medicalLicence(a: BlindMassageAttributes): CrossFieldIssue[] {
  if (a.type !== 'medical') return [];
  const issues: CrossFieldIssue[] = [];
  if (!a.licenceNumber) {
    issues.push(
      ...blame('licenceNumber', {
        'zh-CN': '盲人医疗按摩所须填写医疗机构执业许可证登记号；没有许可证的请选择“盲人保健按摩机构”',
        en: 'A medical massage clinic needs its practising licence number; without a licence, choose health-care institution',
      }),
    );
  }
  if (!a.licenceExpiresOn) {
    issues.push(
      ...blame('licenceExpiresOn', {
        'zh-CN': '盲人医疗按摩所须填写医疗机构执业许可证的有效期',
        en: 'A medical massage clinic needs the date its practising licence is valid until',
      }),
    );
  }
  return issues;
}

/** Attributes that pass the schema and every rule; `examples` adds, per rule, a set that breaks only that rule (test layers, demo data and benchmark use them). */
const valid: z.input<typeof blindMassageAttributes> = { type: 'medical', licenceNumber: 'PDY12345678220102', licenceExpiresOn: '2028-06-30', blindPractitioners: 6, certifiedMedicalMasseurs: 2 };

export const blindMassage = defineSiteKind({
  code: 'blind-massage',
  labels: { 'zh-CN': '盲人按摩机构', en: 'Blind massage institution' },
  description: {
    'zh-CN': '吸纳盲人按摩人员就业的盲人医疗按摩所和盲人保健按摩机构',
    en: 'Medical massage clinics and health-care massage institutions employing blind masseurs',
  },
  aliases: [
    { 'zh-CN': '盲人医疗按摩所', en: 'Blind medical massage clinic' },
    { 'zh-CN': '盲人保健按摩机构', en: 'Blind health-care massage institution' },
    { 'zh-CN': '盲人按摩院', en: 'Blind massage parlour' },
  ],
  attributes: blindMassageAttributes,
  attributesVersion: 1,
  examples: {
    valid,
    invalid: {
      'medical-clinic-licence': { type: 'medical', licenceExpiresOn: '2028-06-30', blindPractitioners: 6, certifiedMedicalMasseurs: 2 },
      'insurance-only-medical': { type: 'health-care', blindPractitioners: 6, certifiedMedicalMasseurs: 0, medicalInsuranceDesignated: true },
      'medical-clinic-has-certified-masseur': { ...valid, certifiedMedicalMasseurs: 0 },
      'certified-within-blind-practitioners': { ...valid, certifiedMedicalMasseurs: 7 },
      'titles-within-certified': { ...valid, seniorTitles: 3 },
    },
  },
  metrics: ['blindPractitioners', 'certifiedMedicalMasseurs'],
  rules: [
    {
      id: 'medical-clinic-licence',
      description: {
        'zh-CN': '盲人医疗按摩所须填写执业许可证登记号和有效期',
        en: 'A medical clinic gives its licence number and expiry date',
      },
      check: medicalLicence,
    },
    {
      id: 'insurance-only-medical',
      description: { 'zh-CN': '只有盲人医疗按摩所可以医保定点', en: 'Only a medical clinic can be designated for medical insurance' },
      check: (a) =>
        a.medicalInsuranceDesignated && a.type !== 'medical'
          ? blame('medicalInsuranceDesignated', {
              'zh-CN': '只有盲人医疗按摩所可以纳入医保定点：请改选机构类型，或取消“医保定点”',
              en: 'Only a medical massage clinic can be designated for medical insurance: change the type or untick the designation',
            })
          : [],
    },
    {
      id: 'medical-clinic-has-certified-masseur',
      description: {
        'zh-CN': '盲人医疗按摩所至少有 1 名持证盲人医疗按摩人员',
        en: 'A medical clinic has at least one certified blind medical masseur',
      },
      check: (a) =>
        a.type === 'medical' && a.certifiedMedicalMasseurs === 0
          ? blame('certifiedMedicalMasseurs', {
              'zh-CN': '盲人医疗按摩所至少应有 1 名持证盲人医疗按摩人员',
              en: 'A medical massage clinic has at least one certified blind medical masseur',
            })
          : [],
    },
    {
      id: 'certified-within-blind-practitioners',
      description: {
        'zh-CN': '持证盲人医疗按摩人员是盲人从业人员的一部分',
        en: 'Certified blind medical masseurs are among the blind practitioners',
      },
      check: partWithinWhole<BlindMassageAttributes>('certifiedMedicalMasseurs', 'blindPractitioners', {
        'zh-CN': '持证盲人医疗按摩人员数不能多于盲人从业人员数：盲人从业人员应包含持证人员',
        en: 'Certified medical masseurs cannot outnumber the blind practitioners, who include them',
      }),
    },
    {
      id: 'titles-within-certified',
      description: {
        'zh-CN': '有职称的人数之和不超过持证盲人医疗按摩人员数',
        en: 'People with titles are among the certified medical masseurs',
      },
      check: (a) =>
        (a.juniorTitles ?? 0) + (a.intermediateTitles ?? 0) + (a.seniorTitles ?? 0) > a.certifiedMedicalMasseurs
          ? blame('certifiedMedicalMasseurs', {
              'zh-CN': '各级职称人数之和不能多于持证盲人医疗按摩人员数：职称只评给持证人员，请核对',
              en: 'The people with titles cannot outnumber the certified medical masseurs (only they hold such titles): check the figures',
            })
          : [],
    },
  ],
  listColumns: ['type', 'blindPractitioners', 'medicalInsuranceDesignated'],
  // A medical clinic whose practising licence expired does not count as a medical clinic (it is listed in coverage).
  licence: { expiresOn: 'licenceExpiresOn', licenses: { field: 'type', values: ['medical'] } },
  marker: { symbol: 'triangle', color: '#8e24aa' },
  sources: ['吉林 二(三)7', '福建 五(三)', '青岛 (十五)', '北京 七', '渝北 二(八)'],
});
