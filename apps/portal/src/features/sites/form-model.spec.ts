import { CHINA_BOUNDS } from '@sitenet/domain';
import { describe, expect, it } from 'vitest';
import { describeAttributes } from '#/features/kinds/fields';
import { workshopKind } from '#/features/kinds/test-factories';
import {
  buildCreateBody,
  buildUpdateBody,
  checkValues,
  commonFields,
  emptyValues,
  mergeAfterConflict,
  valuesFromSite,
} from './form-model';
import { site } from './test-factories';

const kindFields = describeAttributes(workshopKind().schema);
const allFields = [...commonFields(), ...kindFields];

describe('site form model', () => {
  it('reads a stored site into values keyed by the API paths', () => {
    const stored = site({ attributes: { host: 'care', participants: 7, categories: ['visual'], projects: ['洗车'], rentFree: true } });
    const values = valuesFromSite(stored, kindFields);
    expect(values['operator.creditCode']).toBe(stored.operator.creditCode);
    expect(values['location.lat']).toBe(String(stored.location.lat));
    expect(values['location.system']).toBe('wgs84');
    expect(values['attributes.participants']).toBe('7');
    expect(values['attributes.projects']).toEqual(['洗车']);
    expect(values['attributes.income']).toBe('');
  });

  it('builds a create body: numbers parsed, empty optional fields left out, opening date null when empty', () => {
    const values = {
      ...emptyValues(allFields),
      name: '阳光家园',
      regionCode: '220102',
      'location.lat': '43.9',
      'location.lng': '125.3',
      'location.system': 'gcj02',
      openedOn: '',
      'attributes.host': 'community',
      'attributes.participants': '12',
      'attributes.categories': ['visual'],
    };
    const body = buildCreateBody('workshop', kindFields, values);
    expect(body).toMatchObject({ kind: 'workshop', name: '阳光家园', regionCode: '220102', openedOn: null, barrierFree: [] });
    expect(body.location).toEqual({ lat: 43.9, lng: 125.3, system: 'gcj02' });
    expect(body.attributes).toEqual({ host: 'community', participants: 12, categories: ['visual'], projects: [], rentFree: false });
    expect(body.attributes).not.toHaveProperty('income');
  });

  it('sends only the version and the members that changed on edit; attributes go whole', () => {
    const stored = site({ version: 4 });
    const base = valuesFromSite(stored, kindFields);
    expect(buildUpdateBody(4, kindFields, { ...base }, base, stored.attributes)).toEqual({ version: 4 });

    const body = buildUpdateBody(4, kindFields, { ...base, 'contact.phone': '13912345678', 'attributes.participants': '20' }, base, stored.attributes);
    expect(Object.keys(body).sort()).toEqual(['attributes', 'contact', 'version']);
    expect(body.contact).toEqual({ person: stored.contact.person, phone: '13912345678' });
    expect(body.attributes).toMatchObject({ ...stored.attributes, participants: 20 });
  });

  it('sends null for a member the user emptied that had a value (a draft clears it), the phone alone left out of its member', () => {
    const stored = site({ contact: { person: '王芳', phone: '13912345678' }, openedOn: '2024-05-01' });
    const base = valuesFromSite(stored, kindFields);
    const noPhone = buildUpdateBody(4, kindFields, { ...base, 'contact.phone': '' }, base, stored.attributes);
    expect(noPhone).toEqual({ version: 4, contact: { person: '王芳' } });
    const emptied = buildUpdateBody(4, kindFields, { ...base, name: '', 'contact.person': '', 'contact.phone': '', openedOn: '', 'location.lat': '', 'location.lng': '' }, base, stored.attributes);
    expect(emptied).toEqual({ version: 4, name: null, contact: null, openedOn: null, location: null });
    // A list is emptied, never cleared.
    expect(buildUpdateBody(4, kindFields, { ...base, barrierFree: [] }, { ...base, barrierFree: ['ramp'] }, stored.attributes)).toEqual({ version: 4, barrierFree: [] });
  });

  it('after a 409 keeps what the user changed, takes the latest for the rest and says who changed what', () => {
    const base = valuesFromSite(site({ name: '旧名', contact: { person: '王芳', phone: '0431-88881234' } }), kindFields);
    const mine = { ...base, name: '我的新名', 'attributes.participants': '30' };
    const latest = { ...base, 'contact.phone': '13800000000', 'attributes.participants': '25' };

    const merge = mergeAfterConflict(mine, base, latest);

    expect(merge.values.name).toBe('我的新名');
    expect(merge.values['contact.phone']).toBe('13800000000');
    expect(merge.values['attributes.participants']).toBe('30');
    expect(merge.theirs.sort()).toEqual(['attributes.participants', 'contact.phone']);
    expect(merge.both).toEqual(['attributes.participants']);
  });

  it('finds missing required fields and a region that is not yet a county', () => {
    const values = { ...emptyValues(allFields), regionCode: '220100' };
    const problems = checkValues(allFields, values);
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'address', 'location.lat', 'operator.creditCode', 'attributes.host', 'attributes.categories']));
    expect(paths).not.toContain('openedOn');
    expect(problems.find((problem) => problem.path === 'regionCode')?.code).toBe('regionLevel');
  });

  it("takes the API's limits from the domain schemas: latitude and longitude within China's bounds, not ±90/±180", () => {
    const lat = commonFields().find((field) => field.path === 'location.lat')!;
    const lng = commonFields().find((field) => field.path === 'location.lng')!;
    expect([lat.control, lat.control === 'number' && lat.min, lat.control === 'number' && lat.max]).toEqual(['number', CHINA_BOUNDS.minLat, CHINA_BOUNDS.maxLat]);
    expect([lng.control === 'number' && lng.min, lng.control === 'number' && lng.max]).toEqual([CHINA_BOUNDS.minLng, CHINA_BOUNDS.maxLng]);

    const values = valuesFromSite(site(), kindFields);
    expect(checkValues(allFields, { ...values, 'location.lat': '80' }).map((problem) => [problem.path, problem.code])).toEqual([['location.lat', 'max']]);
  });

  it("applies the domain schemas' own rules before sending: a point in China's box but not on its territory, a phone the API refuses", () => {
    const values = valuesFromSite(site(), kindFields);
    // Seoul: inside the bounding box, outside the territory.
    const seoul = checkValues(allFields, { ...values, 'location.lat': '37.5665', 'location.lng': '126.978' });
    expect(seoul).toEqual([expect.objectContaining({ path: 'location.lat', code: 'schema', messages: expect.objectContaining({ en: expect.stringContaining('not on Chinese territory') }) })]);
    const phone = checkValues(allFields, { ...values, 'contact.phone': '12345' });
    expect(phone).toEqual([expect.objectContaining({ path: 'contact.phone', code: 'schema' })]);
    expect(checkValues(allFields, values)).toEqual([]);
  });
});
