import { creditCodeCheckCharacter } from '@sitenet/domain';

let serial = Math.floor(Date.now() / 1000) % 100_000;

/** A valid, invented 统一社会信用代码 (check character per GB 32100). */
export function creditCode(): string {
  const body = `9122010${String(++serial).padStart(10, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

/** Valid attributes for each installed kind, as the portal's form takes them. */
export const KIND_ATTRIBUTES: Record<string, Record<string, unknown>> = {
  'incubation-base': { grade: 'prefectural', floorArea: 1200, incubatedBusinesses: 12, disabledEntrepreneurs: 15, jobsForDisabled: 40, services: ['low-cost-space', 'entrepreneurship-training'], operatorType: 'public-institution' },
  'auxiliary-workshop': { host: 'community', participants: 20, disabilityCategories: ['intellectual'], labourProjects: ['手工编织'], contractedWorkers: 10, insuredWorkers: 8, jobCoaches: 2 },
  'blind-massage': { type: 'health-care', blindPractitioners: 6, certifiedMedicalMasseurs: 0 },
  'training-base': { grade: 'provincial', yearlyCapacity: 300, occupations: ['e-commerce'], traineesLastYear: 120, employedAfterTraining: 60 },
  'beautiful-workshop': { grade: 'county', disabledWomenEmployed: 8, disabledWomenSupported: 20, projects: ['embroidery'] },
  'rural-employment-base': { operatorType: 'farmers-cooperative', industries: ['crop-farming'], disabledEmployed: 5, disabledInProduction: 3, disabledHouseholdsHelped: 8, heavyDisabilityHouseholds: 2 },
};

export function commonFields(name: string): Record<string, unknown> {
  return {
    name,
    address: `南关区浏览器测试路${serial}号`,
    'location.lat': '43.8601',
    'location.lng': '125.3512',
    'operator.name': `${name}运营单位`,
    'operator.creditCode': creditCode(),
    'contact.person': '浏览器测试',
    'contact.phone': '0431-66668888',
  };
}
