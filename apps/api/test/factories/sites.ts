import { z } from 'zod';
import { creditCodeCheckCharacter, defineSiteKind, fieldMeta, wgs84ToGcj02 } from '@sitenet/domain';

let serial = 0;

/** A valid 统一社会信用代码 for a synthetic operator (check character computed, GB 32100). */
export function creditCode(seed = ++serial): string {
  const body = `9122010${String(seed).padStart(10, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

/**
 * 美丽工坊 (workshops for disabled women; 吉林 二(二)3), defined only here: the proof that a kind
 * is one definition and nothing else.
 */
export const beautifulWorkshop = defineSiteKind({
  code: 'beautiful-workshop',
  labels: { 'zh-CN': '美丽工坊', en: 'Beautiful workshop' },
  description: { 'zh-CN': '帮助残疾妇女就业的手工工坊', en: 'Handicraft workshops employing disabled women' },
  attributes: z.strictObject({
    womenEmployed: fieldMeta(z.number().int().min(0).max(2000), { label: { 'zh-CN': '就业残疾妇女人数', en: 'Disabled women employed' }, unit: { 'zh-CN': '人', en: 'people' } }),
    crafts: fieldMeta(z.array(z.string().min(1).max(30)).max(10).default([]), { label: { 'zh-CN': '手工项目', en: 'Crafts' } }),
    trainedThisYear: fieldMeta(z.number().int().min(0).max(5000).optional(), { label: { 'zh-CN': '本年培训人数', en: 'Trained this year' } }),
  }),
  metrics: [{ key: 'womenEmployed', labels: { 'zh-CN': '就业残疾妇女', en: 'Disabled women employed' }, unit: { 'zh-CN': '人', en: 'people' } }],
  rules: [
    {
      id: 'trained-not-above-capacity',
      description: { 'zh-CN': '本年培训人数不超过就业人数的十倍', en: 'Trained this year at most ten times those employed' },
      check: (a) =>
        a.trainedThisYear !== undefined && a.trainedThisYear > a.womenEmployed * 10
          ? [{ path: ['trainedThisYear'], messages: { 'zh-CN': '本年培训人数不能超过就业人数的十倍', en: 'Trained this year cannot exceed ten times those employed' } }]
          : [],
    },
  ],
  listColumns: ['womenEmployed'],
  marker: { symbol: 'pin', color: '#c2185b' },
  sources: ['吉林 二(二)3'],
});

/** 长春市南关区 and one of its townships: every test site is fictional, in a real unit. */
export const NANGUAN = '220102';
export const NANGUAN_CENTRE = { lat: 43.8599, lng: 125.3503 };

export function beautifulWorkshopInput(overrides: Record<string, unknown> = {}) {
  const n = ++serial;
  return {
    kind: 'beautiful-workshop',
    name: `测试美丽工坊${n}号`,
    regionCode: NANGUAN,
    address: `南关区测试路${n}号`,
    location: { ...NANGUAN_CENTRE },
    operator: { name: `测试手工艺合作社${n}`, creditCode: creditCode(n) },
    contact: { person: '王测试', phone: '13900000000' },
    openedOn: '2024-03-01',
    barrierFree: ['step-free-entrance', 'accessible-toilet'],
    attributes: { womenEmployed: 12, crafts: ['刺绣', '编织'] },
    ...overrides,
  };
}

export { wgs84ToGcj02 };

/** Valid attributes for each installed kind: small, plausible, fictional. */
export const installedKindAttributes: Record<string, Record<string, unknown>> = {
  'incubation-base': {
    grade: 'prefectural',
    floorArea: 1200,
    incubatedBusinesses: 12,
    disabledEntrepreneurs: 15,
    jobsForDisabled: 40,
    services: ['low-cost-space', 'mentoring'],
    operatorType: 'public-institution',
    mentors: 3,
  },
  'auxiliary-workshop': {
    host: 'community',
    participants: 20,
    disabilityCategories: ['intellectual'],
    labourProjects: ['手工编织'],
    contractedWorkers: 10,
    insuredWorkers: 8,
    jobCoaches: 2,
  },
  'blind-massage': { type: 'medical', licenceNumber: 'PDY12345678220102', licenceExpiresOn: '2028-06-30', blindPractitioners: 6, certifiedMedicalMasseurs: 2 },
  'training-base': { grade: 'provincial', yearlyCapacity: 300, occupations: ['e-commerce', 'data-labelling'], traineesLastYear: 120, employedAfterTraining: 60 },
};

export function siteInput(kind: string, attributes: Record<string, unknown> = installedKindAttributes[kind]!, overrides: Record<string, unknown> = {}) {
  return { ...beautifulWorkshopInput(), kind, name: `测试${kind}网点${++serial}`, attributes, ...overrides };
}
