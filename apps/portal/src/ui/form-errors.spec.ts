import { describe, expect, it } from 'vitest';
import { ApiError } from '#/api/client';
import { errorsFromApi, fieldOfIssue } from './form-errors';

const issue = (path: string, en: string) => ({ path, code: 'custom', message: en, messages: { 'zh-CN': `问题 ${en}`, en } });
const validation = (...issues: ReturnType<typeof issue>[]) =>
  new ApiError({ statusCode: 400, code: 'validation.failed', message: '请求有误', messages: { 'zh-CN': '请求有误', en: 'Invalid request' }, issues });

describe('fieldOfIssue: the form field an API issue is about', () => {
  const known = ['name', 'location.lat', 'location.lng', 'attributes.categories', 'attributes.projects', 'attributes.projects.0'];

  it.each([
    ['body.name', 'name'],
    ['body.attributes.categories.1', 'attributes.categories'],
    ['body.attributes.projects.0', 'attributes.projects.0'],
    ['body.attributes.projects.0.year', 'attributes.projects.0'],
    ['body.location', 'location.lat'],
    ['body', null],
    ['body.nothing', null],
  ] as const)('%s → %s (exact, nearest field above, first field below, or none)', (path, field) => {
    expect(fieldOfIssue(path, known)).toBe(field);
  });

  it('maps through the paths of fields the form names otherwise, among the fields shown', () => {
    const paths = { titleZh: 'title.zh-CN', shape: 'rule.shape', value: 'rule.value', minimum: 'rule.minimum' } as const;
    const shown = ['titleZh', 'shape', 'value'] as const;
    const pathOf = (field: keyof typeof paths) => paths[field];
    expect(fieldOfIssue('body.rule.value', shown, pathOf)).toBe('value');
    expect(fieldOfIssue('body.rule', shown, pathOf)).toBe('shape');
    expect(fieldOfIssue('body.title', shown, pathOf)).toBe('titleZh');
    expect(fieldOfIssue('body.rule.minimum', shown, pathOf)).toBeNull();
  });
});

describe('errorsFromApi', () => {
  it('puts each issue on its field, or on the form when no field matches', () => {
    const errors = errorsFromApi(validation(issue('body.password', 'Too short'), issue('body.other', 'Unknown')), ['username', 'password']);
    expect(errors).toEqual([
      { field: 'password', messages: { 'zh-CN': '问题 Too short', en: 'Too short' } },
      { field: null, messages: { 'zh-CN': '问题 Unknown', en: 'Unknown' } },
    ]);
  });

  it('makes an error without issues one error of the whole form', () => {
    const error = new ApiError({ statusCode: 409, code: 'x', message: '冲突', messages: { 'zh-CN': '冲突', en: 'Conflict' } });
    expect(errorsFromApi(error, ['username'])).toEqual([{ field: null, messages: { 'zh-CN': '冲突', en: 'Conflict' } }]);
  });
});
