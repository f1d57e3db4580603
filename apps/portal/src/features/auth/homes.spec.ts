import { describe, expect, it } from 'vitest';
import { homeFor, navItemsFor, safeRedirect } from './homes';
import { administrator, districtStaff, prefectureReviewer, provinceOfficial } from './test-factories';

describe('homes and navigation by role', () => {
  it('starts each role on its own page', () => {
    expect(homeFor(districtStaff({ regionCode: '220102' }))).toEqual({ name: 'sites', query: { region: '220102' } });
    expect(homeFor(prefectureReviewer())).toEqual({ name: 'review' });
    expect(homeFor(provinceOfficial())).toEqual({ name: 'dashboard' });
    expect(homeFor(administrator())).toEqual({ name: 'accounts' });
    expect(homeFor(null)).toEqual({ name: 'login' });
  });

  it('shows only what the role can use', () => {
    const testids = (account: Parameters<typeof navItemsFor>[0]) => navItemsFor(account).map((item) => item.testid);
    expect(testids(null)).toEqual(['nav-regions']);
    expect(testids(districtStaff())).toEqual(['nav-sites', 'nav-imports', 'nav-site-map', 'nav-dashboard', 'nav-outcome-reports', 'nav-outcome-completeness', 'nav-regions']);
    expect(testids(prefectureReviewer())).toEqual(['nav-sites', 'nav-review', 'nav-site-map', 'nav-dashboard', 'nav-outcome-reports', 'nav-outcome-completeness', 'nav-regions']);
    expect(testids(provinceOfficial())).toEqual(['nav-sites', 'nav-review', 'nav-site-map', 'nav-dashboard', 'nav-outcome-reports', 'nav-outcome-completeness', 'nav-targets', 'nav-accounts', 'nav-account-audit', 'nav-regions']);
    expect(testids(administrator())).toEqual(['nav-sites', 'nav-site-map', 'nav-dashboard', 'nav-targets', 'nav-accounts', 'nav-account-audit', 'nav-regions']);
  });

  it('only redirects inside the app after sign-in', () => {
    expect(safeRedirect('/sites/new?kind=workshop')).toBe('/sites/new?kind=workshop');
    expect(safeRedirect('//evil.example/x')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
