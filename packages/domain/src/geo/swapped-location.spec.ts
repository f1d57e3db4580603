import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../errors/zod-issues.js';
import { siteLocationInputSchema } from '../schemas/site-fields.js';

// Issue 12: latitude and longitude typed the wrong way round are recognised, with the fix.
describe('a site location typed with latitude and longitude swapped', () => {
  it('gets an issue saying so, with the swapped point, besides the range issues', () => {
    const result = siteLocationInputSchema.safeParse({ lat: 125.3245, lng: 43.8868 });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!.issues, 'zh-CN', 'body.location');
    const swapped = issues.find((issue) => issue.path === 'body.location');
    expect(swapped?.messages['zh-CN']).toBe('纬度和经度似乎填反了：应为纬度 43.8868、经度 125.3245');
    expect(swapped?.messages.en).toContain('latitude 43.8868, longitude 125.3245');
    const raw = result.error!.issues.find((issue) => issue.path.length === 0) as { params?: { swapped?: unknown } };
    expect(raw.params?.swapped).toEqual({ lat: 43.8868, lng: 125.3245 });
  });

  it('does not say so when the other order does not fit either', () => {
    const issues = toFieldIssues(siteLocationInputSchema.safeParse({ lat: 125.3, lng: 160 }).error!.issues, 'en', 'body.location');
    expect(issues.some((issue) => issue.path === 'body.location')).toBe(false);
  });
});
