import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../errors/zod-issues.js';
import { siteLocationInputSchema } from './sites.js';

// Issue 8: a point far outside China's mainland but inside its bounding box was accepted.
describe('a site location', () => {
  it.each([
    ['Seoul', 37.5665, 126.978],
    ['Pyongyang', 39.0392, 125.7625],
    ['Ulaanbaatar', 47.8864, 106.9057],
  ])('in %s is refused with one issue naming the location, in both languages', (_name, lat, lng) => {
    const result = siteLocationInputSchema.safeParse({ lat, lng });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!.issues, 'zh-CN', 'body.location');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'body.location', code: 'custom' });
    expect(issues[0].messages['zh-CN']).toContain('不在中国境内');
    expect(issues[0].messages.en).toContain('not on Chinese territory');
  });

  it('outside the bounding box says only that', () => {
    const issues = toFieldIssues(siteLocationInputSchema.safeParse({ lat: 48.85, lng: 2.35 }).error!.issues, 'en', 'body.location');
    expect(issues.map((issue) => issue.path)).toEqual(['body.location.lng']);
  });

  it.each([
    ['海口', 20.044, 110.1999],
    ['台北', 25.033, 121.5654],
    ['永兴岛', 16.834, 112.338],
  ])('in %s is accepted', (_name, lat, lng) => {
    expect(siteLocationInputSchema.parse({ lat, lng })).toEqual({ lat, lng, system: 'wgs84' });
  });
});
