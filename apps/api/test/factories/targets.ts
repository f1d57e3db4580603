/**
 * A valid body for POST /api/targets: 吉林省's "a training base in every prefecture", the target the
 * target tests start from; `overrides` replaces whole top-level fields.
 */
export function targetInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    regionCode: '220000',
    kinds: ['training-base'],
    title: { 'zh-CN': '每个市(州)至少 1 个培训基地', en: 'A training base in every prefecture' },
    strength: 'at-least',
    startsOn: '2026-01-01',
    deadline: '2027-12-31',
    source: { document: '测试通知', clause: '一', quote: '每个市(州)至少建立1个残疾人职业培训基地' },
    rule: { shape: 'per-unit-minimum', level: 2, minimum: 1 },
    ...overrides,
  };
}
