import { presentationOf, toFieldIssues } from '@sitenet/domain';
import { describeKindConformance, kindTester } from '@sitenet/domain/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { blindMassage } from './blind-massage.js';

const HAN = /[\u4e00-\u9fff]/;

function validMedicalClinic(): Record<string, unknown> {
  return {
    type: 'medical',
    licenceNumber: 'PDY00012322010217D2152',
    licenceExpiresOn: '2029-06-30',
    blindPractitioners: 6,
    certifiedMedicalMasseurs: 3,
    juniorTitles: 1,
    intermediateTitles: 1,
    seniorTitles: 0,
    medicalInsuranceDesignated: true,
    qualityBrand: true,
    beds: 8,
  };
}

function validHealthCareShop(): Record<string, unknown> {
  return { type: 'health-care', blindPractitioners: 4, certifiedMedicalMasseurs: 0 };
}

const { parse, ruleIssues } = kindTester(blindMassage);

describeKindConformance(blindMassage, {
  filledIn: validMedicalClinic(),
  refused: [
    ['blindPractitioners', -1],
    ['blindPractitioners', 501],
    ['blindPractitioners', 3.5],
    ['certifiedMedicalMasseurs', -1],
    ['intermediateTitles', 501],
    ['beds', 201],
    ['beds', -1],
    ['licenceNumber', 'PD'],
    ['licenceNumber', 'P'.repeat(51)],
    ['licenceExpiresOn', '2029/06/30'],
    ['licenceExpiresOn', '2029-02-30'],
    ['licenceExpiresOn', '1999-12-31'],
    ['licenceExpiresOn', '2100-01-01'],
    ['medicalInsuranceDesignated', 1],
  ],
});

describe('blind massage attributes', () => {
  it('accepts a health-care shop with only the required fields, switches off', () => {
    const result = parse(validHealthCareShop());
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...validHealthCareShop(), medicalInsuranceDesignated: false, qualityBrand: false });
  });

  it('explains a bad expiry date in both languages', () => {
    const issues = toFieldIssues(parse({ ...validMedicalClinic(), licenceExpiresOn: '30.06.2029' }).error!.issues, 'zh-CN');
    expect(issues).toEqual([
      expect.objectContaining({ path: 'licenceExpiresOn', messages: { 'zh-CN': '请填写 YYYY-MM-DD 格式的有效日期', en: 'Give a valid date written YYYY-MM-DD' } }),
    ]);
    const [outOfRange] = toFieldIssues(parse({ ...validMedicalClinic(), licenceExpiresOn: '1999-12-31' }).error!.issues, 'en');
    expect(outOfRange.messages['zh-CN']).toContain('日期应在 2000-01-01 至 2099-12-31 之间');
  });

  it('keeps titles as flat counts, not a nested object', () => {
    expect(parse({ ...validMedicalClinic(), titles: { junior: 1 } }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['titles'] }]);
  });
});

describe('blind massage rules', () => {
  it('blames each missing licence detail of a medical clinic, in both languages', () => {
    const { licenceNumber: _n, licenceExpiresOn: _e, ...unlicensed } = validMedicalClinic();
    const issues = ruleIssues(unlicensed);
    expect(issues.map((issue) => [issue.rule, issue.path])).toEqual([
      ['medical-clinic-licence', ['licenceNumber']],
      ['medical-clinic-licence', ['licenceExpiresOn']],
    ]);
    expect(issues[0].messages['zh-CN']).toContain('执业许可证登记号');
    expect(issues[0].messages.en).toMatch(/licence number/);
    expect(issues[1].messages['zh-CN']).toContain('有效期');
    expect(issues[1].messages.en).toMatch(/valid until/);
  });

  it('blames only the missing one', () => {
    const { licenceExpiresOn: _, ...withoutExpiry } = validMedicalClinic();
    expect(ruleIssues(withoutExpiry).map((issue) => issue.path)).toEqual([['licenceExpiresOn']]);
  });

  it('does not ask a health-care shop for a licence', () => {
    expect(ruleIssues(validHealthCareShop())).toEqual([]);
  });

  it('refuses medical-insurance designation for a health-care shop', () => {
    const issues = ruleIssues({ ...validHealthCareShop(), medicalInsuranceDesignated: true });
    expect(issues).toMatchObject([{ rule: 'insurance-only-medical', path: ['medicalInsuranceDesignated'] }]);
    expect(issues[0].messages['zh-CN']).toContain('医保定点');
    expect(issues[0].messages.en).toMatch(/medical insurance/);
  });

  it('needs a certified medical masseur in a medical clinic', () => {
    const issues = ruleIssues({ ...validMedicalClinic(), certifiedMedicalMasseurs: 0, juniorTitles: 0, intermediateTitles: 0 });
    expect(issues).toMatchObject([{ rule: 'medical-clinic-has-certified-masseur', path: ['certifiedMedicalMasseurs'] }]);
    expect(issues[0].messages['zh-CN']).toMatch(HAN);
    expect(issues[0].messages.en).toMatch(/at least one certified/);
  });

  it('counts certified masseurs among the blind practitioners', () => {
    const issues = ruleIssues({ ...validHealthCareShop(), blindPractitioners: 2, certifiedMedicalMasseurs: 3 });
    expect(issues).toMatchObject([{ rule: 'certified-within-blind-practitioners', path: ['certifiedMedicalMasseurs'] }]);
    expect(issues[0].messages['zh-CN']).toContain('不能多于盲人从业人员数');
    expect(issues[0].messages.en).toMatch(/cannot outnumber the blind practitioners/);
    expect(ruleIssues({ ...validHealthCareShop(), blindPractitioners: 3, certifiedMedicalMasseurs: 3 })).toEqual([]);
  });

  it('counts titled masseurs among the certified ones', () => {
    const issues = ruleIssues({ ...validMedicalClinic(), certifiedMedicalMasseurs: 2, juniorTitles: 1, intermediateTitles: 1, seniorTitles: 1 });
    expect(issues).toMatchObject([{ rule: 'titles-within-certified', path: ['certifiedMedicalMasseurs'] }]);
    expect(issues[0].messages['zh-CN']).toContain('职称');
    expect(issues[0].messages.en).toMatch(/titles/);
    expect(ruleIssues({ ...validMedicalClinic(), certifiedMedicalMasseurs: 3, juniorTitles: 1, intermediateTitles: 1, seniorTitles: 1 })).toEqual([]);
  });
});

describe('blind massage presentation', () => {
  const shape = blindMassage.attributes.shape as Record<string, z.ZodType>;

  it('calls the medical type by its legal name', () => {
    expect(presentationOf(shape.type)?.options?.medical['zh-CN']).toBe('盲人医疗按摩所');
  });

  it('offers practitioners and certified masseurs as metrics', () => {
    expect(blindMassage.metrics).toEqual(['blindPractitioners', 'certifiedMedicalMasseurs']);
  });
});
