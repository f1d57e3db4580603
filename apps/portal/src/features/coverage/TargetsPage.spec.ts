import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { prefectureReviewer } from '#/features/auth/test-factories';
import { workshopKind } from '#/features/kinds/test-factories';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import type { TargetListItem, TargetView } from './api';
import { jilinUnits, targetListItem, targetView } from './test-factories';
import { mountCoverage } from './test-mount';

function serve(items: TargetListItem[]) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind({ metrics: [{ key: 'participants', labels: { 'zh-CN': '辅助性就业人数', en: 'Participants' }, unit: { 'zh-CN': '人', en: 'persons' } }] })] }));
  serveRegions(api, jilinUnits().all);
  api.on('GET', '/targets', () => jsonResponse({ items }));
  return api;
}

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises();
}

async function mountTargets(path = '/targets') {
  const mounted = await mountCoverage(path);
  await settle();
  return mounted;
}

/** Fills the fields every target needs; the rule is up to the test. */
async function fillCommon(wrapper: VueWrapper) {
  const form = wrapper.get('[data-testid="target-form"]');
  await form.get('[data-testid="field-title.zh-CN"]').setValue('各县至少一个辅助性就业机构');
  await form.get('[data-testid="field-title.en"]').setValue('One workshop in every county');
  await form.get('[data-testid="field-kinds"] input[value="workshop"]').setValue(true);
  await form.get('#field-strength').setValue(true); // 至少
  await form.get('[data-testid="field-startsOn"]').setValue('2025-01-01');
  await form.get('[data-testid="field-deadline"]').setValue('2027-12-31');
  await form.get('[data-testid="field-source.document"]').setValue('吉林省促进残疾人就业三年行动实施方案');
  await form.get('[data-testid="field-source.clause"]').setValue('二(二)4');
  await form.get('[data-testid="field-source.quote"]').setValue('各县(市)至少建立1个残疾人辅助性就业机构');
  return form;
}

/** Opens the new-target form, fills the common fields, then the rule's (selector → value, in order), submits and waits. */
async function submitNewTarget(wrapper: VueWrapper, rule: Record<string, string | boolean>) {
  await wrapper.get('[data-testid="new-target"]').trigger('click');
  const form = await fillCommon(wrapper);
  for (const [selector, value] of Object.entries(rule)) await form.get(selector).setValue(value);
  await form.trigger('submit');
  await settle();
}

describe('targets page', () => {
  it('lists the targets in force with the rule in words, origin and state', async () => {
    const own = targetListItem({ rule: { shape: 'per-unit-minimum', level: 3, unitTypes: ['county', 'county-city'], minimum: 1 }, origin: 'user' });
    const retired = targetListItem({ retired: true, rule: { shape: 'total', value: 80, tolerance: 0.1 }, strength: 'about' });
    serve([retired, own]);

    const { wrapper } = await mountTargets();

    const rows = wrapper.findAll('[data-testid="target-row"]');
    expect(rows.map((row) => row.attributes('data-id'))).toEqual([own.id, retired.id]);
    const cells = (index: number) => rows[index]!.findAll('td').map((cell) => cell.text());
    expect(cells(0).slice(1, 3)).toEqual(['每个县、县级市至少 1 个辅助性就业机构', '至少']);
    expect(cells(0)[5]).toBe('自定义');
    expect(cells(1)[1]).toBe('辅助性就业机构合计 80 个（“左右”容差 10%）');
    expect(cells(1)[6]).toBe('已停用');
  });

  it('names the extra units and development zones a per-unit rule counts', async () => {
    serve([targetListItem({ rule: { shape: 'per-unit-minimum', level: 3, unitTypes: ['district'], minimum: 1, namedUnits: ['350121', '350122'], developmentZones: true } })]);

    const { wrapper } = await mountTargets();

    expect(wrapper.get('[data-testid="target-row"]').findAll('td')[1]!.text()).toBe('每个市辖区（含开发区等）及指定的 2 个单位至少 1 个辅助性就业机构');
  });

  it('says which sites a rule counts by their fields, with the kind’s labels', async () => {
    serve([targetListItem({ rule: { shape: 'total', value: 5, where: { field: 'host', in: ['community', 'enterprise'] } } })]);

    const { wrapper } = await mountTargets();

    expect(wrapper.get('[data-testid="target-row"]').findAll('td')[1]!.text()).toBe('辅助性就业机构合计 5 个（仅计举办主体为community-zh、enterprise-zh的网点）');
  });

  it('says when a rule counts only the sites new in the plan’s period', async () => {
    serve([targetListItem({ rule: { shape: 'total', value: 80, tolerance: 0.1, counts: 'new' }, strength: 'about' })]);

    const { wrapper } = await mountTargets();

    expect(wrapper.get('[data-testid="target-row"]').findAll('td')[1]!.text()).toBe('计划期内新增的辅助性就业机构合计 80 个（“左右”容差 10%）');
  });

  it('sends the rule of the chosen shape and puts a 400 on `body.rule.value` at its field', async () => {
    const api = serve([]);
    api.on('POST', '/targets', () =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'validation.failed',
          message: '请求有误',
          messages: { 'zh-CN': '请求有误', en: 'Bad request' },
          issues: [{ path: 'body.rule.value', code: 'too_big', message: '数量不能超过 1000000', messages: { 'zh-CN': '数量不能超过 1000000', en: 'At most 1,000,000' } }],
        },
        400,
      ),
    );
    const { wrapper } = await mountTargets();

    await submitNewTarget(wrapper, { '[data-testid="field-rule.shape"]': 'total', '[data-testid="field-rule.value"]': '60' });

    const [request] = api.sent('POST', '/targets');
    expect(request!.body).toMatchObject({ regionCode: '220000', kinds: ['workshop'], strength: 'at-least', rule: { shape: 'total', value: 60 }, note: null });
    expect((request!.body as { rule: object }).rule).toEqual({ shape: 'total', value: 60 });

    const input = wrapper.get('#field-rule-value');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#field-rule-value-error').text()).toBe('错误：数量不能超过 1000000');
    expect(input.attributes('aria-describedby')).toContain('field-rule-value-error');
    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.get('a').attributes('href')).toBe('#field-rule-value');
    expect(document.activeElement).toBe(summary.element);
  });

  it('builds each shape’s rule from its own fields', async () => {
    const api = serve([]);
    api.on('POST', '/targets', ({ body }) => jsonResponse({ ...targetView(), ...(body as object) }, 201));
    const { wrapper } = await mountTargets();

    await submitNewTarget(wrapper, {
      '[data-testid="field-rule.shape"]': 'per-unit-minimum',
      '#field-rule-level-1': true, // 每个县级单位
      '[data-testid="field-rule.unitTypes"] input[value="county"]': true,
      '[data-testid="field-rule.unitTypes"] input[value="county-city"]': true,
      '[data-testid="field-rule.minimum"]': '2',
    });

    expect((api.sent('POST', '/targets')[0]!.body as { rule: object }).rule).toEqual({ shape: 'per-unit-minimum', level: 3, unitTypes: ['county', 'county-city'], minimum: 2 });
    expect(wrapper.get('[data-testid="target-saved"]').text()).toBe('已添加目标：各县至少一个辅助性就业机构');
    expect(wrapper.find('[data-testid="target-form"]').exists()).toBe(false);
  });

  it('sends named units, development zones, stock or new and a condition on the sites’ fields from their inputs', async () => {
    const api = serve([]);
    api.on('POST', '/targets', ({ body }) => jsonResponse({ ...targetView(), ...(body as object) }, 201));
    const { wrapper } = await mountTargets();
    await wrapper.get('[data-testid="new-target"]').trigger('click');
    const form = await fillCommon(wrapper);
    await form.get('[data-testid="field-rule.shape"]').setValue('per-unit-minimum');
    await settle();

    // The province's county-level units, grouped under their 市(州), to name besides the types.
    const named = form.get('[data-testid="field-rule.namedUnits"]');
    expect(named.findAll('[role="group"]').map((group) => group.attributes('aria-label'))).toEqual(['长春市', '四平市']);
    expect(named.findAll('input[type="checkbox"]').map((input) => input.attributes('value'))).toEqual(['220102', '220122', '220322']);
    await named.get('input[value="220322"]').setValue(true);
    await named.get('input[value="220122"]').setValue(true);
    await form.get('#field-rule-developmentZones').setValue(true);
    // Each reading of the count says what it means.
    const counts = form.get('[data-testid="field-rule.counts"]');
    expect(counts.text()).toContain('“培育”“新建”“新增”');
    expect(form.get('#field-rule-counts-1').attributes('aria-describedby')).toBe('field-rule-counts-hint-new');
    await form.get('#field-rule-counts-1').setValue(true);
    // The condition's fields are the kinds' single choices; its values the chosen field's options.
    const whereField = form.get('[data-testid="field-rule.where.field"]');
    expect(whereField.findAll('option').map((option) => option.attributes('value'))).toEqual(['', 'host', 'rentFree']); // a single choice and a yes/no field
    await whereField.setValue('host');
    await form.get('[data-testid="field-rule.where.in"] input[value="community"]').setValue(true);
    await form.trigger('submit');
    await settle();

    expect((api.sent('POST', '/targets')[0]!.body as { rule: object }).rule).toEqual({
      shape: 'per-unit-minimum',
      level: 3,
      minimum: 1,
      namedUnits: ['220322', '220122'],
      developmentZones: true,
      counts: 'new',
      where: { field: 'host', in: ['community'] },
    });
  });

  it('offers neither stock/new nor a condition to a proximity rule', async () => {
    serve([]);
    const { wrapper } = await mountTargets();
    await wrapper.get('[data-testid="new-target"]').trigger('click');
    const form = await fillCommon(wrapper);
    await form.get('[data-testid="field-rule.shape"]').setValue('proximity');

    expect(form.find('[data-testid="field-rule.counts"]').exists()).toBe(false);
    expect(form.find('[data-testid="field-rule.where"]').exists()).toBe(false);
    expect(form.find('[data-testid="field-rule.namedUnits"]').exists()).toBe(false);
    await form.get('[data-testid="field-rule.shape"]').setValue('total');
    expect(form.find('[data-testid="field-rule.counts"]').exists()).toBe(true);
    expect(form.find('[data-testid="field-rule.namedUnits"]').exists()).toBe(false);
  });

  it('opens a target with its condition, named units, development zones and stock/new ticked, and sends them back unchanged', async () => {
    const item = targetListItem({
      rule: { shape: 'per-unit-minimum', level: 3, minimum: 1, exemptions: ['220102'], namedUnits: ['220322'], developmentZones: true, counts: 'new', where: { field: 'host', in: ['care'] } },
    });
    const api = serve([item]);
    api.on('PATCH', `/targets/${item.id}`, ({ body }) => jsonResponse({ ...targetView(), ...item, ...(body as object), version: 2 }));
    const { wrapper } = await mountTargets();
    await wrapper.get('[data-testid="edit-target"]').trigger('click');
    await settle();
    const form = wrapper.get('[data-testid="target-form"]');

    expect((form.get('[data-testid="field-rule.namedUnits"] input[value="220322"]').element as HTMLInputElement).checked).toBe(true);
    expect((form.get('#field-rule-developmentZones').element as HTMLInputElement).checked).toBe(true);
    expect((form.get('#field-rule-counts-1').element as HTMLInputElement).checked).toBe(true);
    expect((form.get('[data-testid="field-rule.where.field"]').element as HTMLSelectElement).value).toBe('host');
    expect((form.get('[data-testid="field-rule.where.in"] input[value="care"]').element as HTMLInputElement).checked).toBe(true);
    await form.trigger('submit');
    await settle();

    expect((api.sent('PATCH', `/targets/${item.id}`)[0]!.body as { rule: object }).rule).toEqual(item.rule);
  });

  it('puts the API’s refusal of a condition value and of a named unit at their inputs', async () => {
    const api = serve([]);
    const issue = (path: string, zh: string) => ({ path, code: 'target.where_invalid', message: zh, messages: { 'zh-CN': zh, en: zh } });
    api.on('POST', '/targets', () =>
      jsonResponse(
        {
          statusCode: 400,
          code: 'validation.failed',
          message: '请求有误',
          messages: { 'zh-CN': '请求有误', en: 'Bad request' },
          issues: [issue('body.rule.namedUnits.0', '指定单位 220322 不在本地区'), issue('body.rule.where.in.0', '字段 host 没有选项 community')],
        },
        400,
      ),
    );
    const { wrapper } = await mountTargets();
    await wrapper.get('[data-testid="new-target"]').trigger('click');
    const form = await fillCommon(wrapper);
    await form.get('[data-testid="field-rule.shape"]').setValue('per-unit-minimum');
    await settle();
    await form.get('[data-testid="field-rule.namedUnits"] input[value="220322"]').setValue(true);
    await form.get('[data-testid="field-rule.where.field"]').setValue('host');
    await form.get('[data-testid="field-rule.where.in"] input[value="community"]').setValue(true);
    await form.trigger('submit');
    await settle();

    expect(wrapper.get('#field-rule-namedUnits-error').text()).toBe('错误：指定单位 220322 不在本地区');
    expect(wrapper.get('#field-rule-where-in-error').text()).toBe('错误：字段 host 没有选项 community');
    expect(wrapper.findAll('[data-testid="error-summary"] a').map((link) => link.attributes('href'))).toEqual(['#field-rule-namedUnits', '#field-rule-where-in']);
  });

  it('checks the form before sending and links each problem to its field', async () => {
    const api = serve([]);
    const { wrapper } = await mountTargets();

    await submitNewTarget(wrapper, { '[data-testid="field-rule.shape"]': 'proximity', '[data-testid="field-rule.distanceKm"]': '500' });

    expect(api.sent('POST', '/targets')).toHaveLength(0);
    expect(wrapper.findAll('[data-testid="error-summary"] a').map((link) => link.attributes('href'))).toEqual(['#field-rule-distanceKm']);
    expect(wrapper.get('#field-rule-distanceKm-error').text()).toBe('错误：服务半径应在 0.1 到 100 之间');
  });

  it('after a 409 offers the latest version, and then saves with its version', async () => {
    const mine = targetListItem({ rule: { shape: 'total', value: 100, tolerance: 0.1 }, version: 3 });
    const theirs: TargetView = { ...mine, version: 4, title: { 'zh-CN': '别人改过的标题', en: 'Changed by someone' } };
    const api = serve([mine]);
    let calls = 0;
    api.on('PATCH', `/targets/${mine.id}`, ({ body }) => {
      calls += 1;
      if (calls === 1) return jsonResponse({ statusCode: 409, code: 'target.version_conflict', message: 'x', messages: { 'zh-CN': '已被修改', en: 'Changed' }, current: theirs }, 409);
      return jsonResponse({ ...theirs, ...(body as object), version: 5 });
    });
    const { wrapper } = await mountTargets();

    await wrapper.get(`[data-testid="edit-target"][data-id="${mine.id}"]`).trigger('click');
    await wrapper.get('[data-testid="field-rule.value"]').setValue('120');
    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();

    const notice = wrapper.get('[data-testid="target-conflict"]');
    expect(notice.text()).toContain('第 4 版');
    expect(notice.text()).toContain('中文标题');
    await notice.get('[data-testid="conflict-take-latest"]').trigger('click');
    expect((wrapper.get('[data-testid="field-title.zh-CN"]').element as HTMLInputElement).value).toBe('别人改过的标题');
    expect((wrapper.get('[data-testid="field-rule.value"]').element as HTMLInputElement).value).toBe('100');

    await wrapper.get('[data-testid="target-form"]').trigger('submit');
    await settle();
    expect(api.sent('PATCH', `/targets/${mine.id}`).map((request) => (request.body as { version: number }).version)).toEqual([3, 4]);
  });

  it('names the target in the retire and restore buttons and moves focus to the other one', async () => {
    const target = targetListItem();
    let retired = false;
    const api = serve([]);
    api.on('GET', '/targets', () => jsonResponse({ items: [{ ...target, retired }] }));
    api.on('POST', `/targets/${target.id}/retire`, () => {
      retired = true;
      return jsonResponse({ ...target, retired: true });
    });
    const { wrapper } = await mountTargets();

    const retire = wrapper.get('[data-testid="retire-target"]');
    expect(retire.text()).toBe(`停用目标：${target.title['zh-CN']}`);
    await retire.trigger('click');
    await settle();

    expect(api.sent('POST', `/targets/${target.id}/retire`)).toHaveLength(1);
    const restore = wrapper.get('[data-testid="restore-target"]');
    expect(restore.text()).toBe(`恢复目标：${target.title['zh-CN']}`);
    expect(document.activeElement).toBe(restore.element);
  });

  it('is for province officials and admins only', async () => {
    serve([]);
    const { router } = await mountCoverage('/targets', { as: prefectureReviewer() });
    expect(router.currentRoute.value.name).toBe('review'); // the reviewer's home
  });
});
