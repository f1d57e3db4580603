import { describe, expect, it } from 'vitest';
import { distanceKm, gcj02ToBd09, wgs84ToGcj02 } from '@sitenet/domain';
import { commonInputs } from '../common-fields';
import { buildCreateBody, buildUpdateBody } from '../form-model';
import { countyAreaOf, countyCodeOf } from './county-area';
import { LOCATION_PATHS, pointOfValues, regionOfValues, valuesOfPoint } from './form-binding';
import { isStepKey, LARGE_STEP_M, STEP_M, stepPoint } from './keyboard-step';
import { buildPickerOption, framedExtent } from './picker-option';
import { countyCollection, POINTS } from './test-factories';

describe('county of a chosen unit', () => {
  it('is the first six digits of a township, the county itself, nothing for a province or a malformed code', () => {
    expect(countyCodeOf('220102001000')).toBe('220102');
    expect(countyCodeOf('441900')).toBe('441900');
    expect(countyCodeOf('220000')).toBeNull();
    expect(countyCodeOf('2201')).toBeNull();
    expect(countyCodeOf(null)).toBeNull();
  });

  it("takes the county's polygon, its extent and middle from the province's collection; a prefecture has none", () => {
    const area = countyAreaOf(countyCollection(), '220102')!;
    expect(area.name).toBe('南关区');
    expect(area.extent).toEqual([[125.2, 44], [125.5, 43.7]]);
    expect(area.middle).toEqual({ lat: 43.85, lng: 125.35 });
    expect(area.polygons.features.map((feature) => feature.properties.code)).toEqual(['220102', '220103']);
    expect(countyAreaOf(countyCollection(), '220100')).toBeNull();
  });
});

describe('arrow keys', () => {
  it('move the point about 20 m, or 500 m with Shift, in the arrow direction', () => {
    const start = POINTS.inside;
    const north = stepPoint(start, 'ArrowUp', false)!;
    expect(north.lat).toBeGreaterThan(start.lat);
    expect(north.lng).toBe(start.lng);
    expect(distanceKm(start, north) * 1000).toBeCloseTo(STEP_M, 0);
    const east = stepPoint(start, 'ArrowRight', true)!;
    expect(east.lng).toBeGreaterThan(start.lng);
    expect(distanceKm(start, east) * 1000).toBeGreaterThan(LARGE_STEP_M - 2);
    expect(distanceKm(start, east) * 1000).toBeLessThan(LARGE_STEP_M + 2);
    expect(stepPoint(start, 'ArrowLeft', false)!.lng).toBeLessThan(start.lng);
    expect(stepPoint(start, 'ArrowDown', false)!.lat).toBeLessThan(start.lat);
  });

  it('leave other keys alone', () => {
    expect(isStepKey('Tab')).toBe(false);
    expect(stepPoint(POINTS.inside, 'Enter', false)).toBeNull();
  });
});

describe('the form binding', () => {
  it("names paths the site form really has", () => {
    const paths = commonInputs().map((input) => input.descriptor.path);
    for (const path of [LOCATION_PATHS.lat, LOCATION_PATHS.lng, LOCATION_PATHS.system, LOCATION_PATHS.region]) expect(paths).toContain(path);
  });

  it('reads typed coordinates as WGS-84 (GCJ-02 and BD-09 converted), null while incomplete', () => {
    expect(pointOfValues({ 'location.lat': '43.85', 'location.lng': '125.35', 'location.system': 'wgs84' })).toEqual(POINTS.inside);
    const gcj = wgs84ToGcj02(POINTS.inside);
    const fromGcj = pointOfValues({ 'location.lat': String(gcj.lat), 'location.lng': String(gcj.lng), 'location.system': 'gcj02' })!;
    expect(distanceKm(fromGcj, POINTS.inside) * 1000).toBeLessThan(1);
    const bd = gcj02ToBd09(gcj);
    const fromBd = pointOfValues({ 'location.lat': String(bd.lat), 'location.lng': String(bd.lng), 'location.system': 'bd09' })!;
    expect(distanceKm(fromBd, POINTS.inside) * 1000).toBeLessThan(1);
    expect(pointOfValues({ 'location.lat': '43.85', 'location.lng': '' })).toBeNull();
    expect(pointOfValues({ 'location.lat': 'abc', 'location.lng': '125' })).toBeNull();
  });

  it('keeps swapped coordinates as a point (the check offers the fix)', () => {
    expect(pointOfValues({ 'location.lat': '125.35', 'location.lng': '43.85' })).toEqual({ lat: 125.35, lng: 43.85 });
  });

  it('sends the confirmation of a point outside the county only when given', () => {
    const values = { regionCode: '220102', 'location.lat': '43.85', 'location.lng': '125.5625', 'location.system': 'wgs84' };
    expect(buildCreateBody('workshop', [], { ...values, locationConfirmed: true }).locationConfirmed).toBe(true);
    expect('locationConfirmed' in buildCreateBody('workshop', [], { ...values, locationConfirmed: false })).toBe(false);
    const base = { ...values, 'location.lng': '125.35' };
    expect(buildUpdateBody(3, [], { ...values, locationConfirmed: true }, base, {})).toEqual({ version: 3, location: { lat: 43.85, lng: 125.5625, system: 'wgs84' }, locationConfirmed: true });
    expect(buildUpdateBody(3, [], { ...values, locationConfirmed: false }, base, {})).toEqual({ version: 3, location: { lat: 43.85, lng: 125.5625, system: 'wgs84' } });
  });

  it('writes a picked point as WGS-84 and reads the region', () => {
    expect(valuesOfPoint(POINTS.inside)).toEqual([['location.lat', '43.85'], ['location.lng', '125.35'], ['location.system', 'wgs84']]);
    expect(regionOfValues({ regionCode: '220102' })).toBe('220102');
    expect(regionOfValues({ regionCode: '' })).toBeNull();
  });
});

describe('picker map option', () => {
  it('frames the county with a margin, draws it stronger, and shows service points and sites', () => {
    const area = countyAreaOf(countyCollection(), '220102')!;
    const option = buildPickerOption({
      mapName: 'sitenet-counties-22',
      area,
      servicePoints: [{ id: '220102001000', name: '桃源街道', lat: 43.86, lng: 125.33 }],
      sites: [{ id: 's1', name: '阳光家园', lat: 43.88, lng: 125.32 }],
      labels: { servicePoints: '服务点', sites: '网点' },
      description: '南关区地图',
    });
    expect(framedExtent(area.extent)[0][0]).toBeCloseTo(125.17, 5);
    expect(option.geo).toMatchObject({ map: 'sitenet-counties-22', nameProperty: 'code', roam: true, regions: [{ name: '220102' }] });
    expect(option.series.map((series) => [series.id, series.data])).toEqual([
      ['service-points', [{ id: '220102001000', name: '桃源街道', value: [125.33, 43.86] }]],
      ['sites', [{ id: 's1', name: '阳光家园', value: [125.32, 43.88] }]],
    ]);
  });
});
