import type { Target } from './target.js';

/**
 * A target body that passes the target schemas, for the domain's tests (not exported from the
 * package's index): a test changes only the fields it is about.
 */
export const TARGET_EXAMPLE = {
  regionCode: '220000',
  kinds: ['auxiliary-workshop'],
  title: { 'zh-CN': '测试目标', en: 'Test target' },
  strength: 'at-least',
  startsOn: '2025-01-01',
  deadline: '2027-12-31',
  deadlineAssumed: false,
  source: { document: '测试方案', clause: '一', quote: '测试' },
} as const satisfies Omit<Target, 'id' | 'rule' | 'retired'>;
