import { TARGET_STRENGTHS } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { workshopKind } from '#/features/kinds/test-factories';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import type { TargetListItem } from './api';
import { indicatorView, jilinUnits, targetListItem, targetView } from './test-factories';
import { mountCoverage } from './test-mount';

/** The target editor with outcome shapes: targets over reported figures, which count no sites. */

function serve(items: TargetListItem[]) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind()] }));
  api.on('GET', '/outcome-indicators', () => jsonResponse({ items: [indicatorView('new-employment'), indicatorView('employment-rate'), indicatorView('job-fairs')] }));
  serveRegions(api, jilinUnits().all);
  api.on('GET', '/targets', () => jsonResponse({ items }));
  api.on('POST', '/targets', ({ body }) => jsonResponse({ ...targetView(), ...(body as object) }, 201));
  return api;
}

async function settle() {
  for (let i = 0; i < 4; i++) await flushPromises();
}

async function openForm() {
  const mounted = await mountCoverage('/targets');
  await settle();
  await mounted.wrapper.get('[data-testid="new-target"]').trigger('click');
  await settle();
  return { ...mounted, form: mounted.wrapper.get('[data-testid="target-form"]') };
}

/** Title, 确保, period and source: everything but the rule. */
async function fillCommon(form: ReturnType<VueWrapper['get']>) {
  await form.get('[data-testid="field-title.zh-CN"]').setValue('确保新增城乡残疾人就业2.5万人');
  await form.get('[data-testid="field-title.en"]').setValue('25,000 new jobs');
  await form.get(`#field-strength-${TARGET_STRENGTHS.indexOf('ensure')}`).setValue(true);
  await form.get('[data-testid="field-startsOn"]').setValue('2025-01-01');
  await form.get('[data-testid="field-deadline"]').setValue('2027-12-31');
  await form.get('[data-testid="field-source.document"]').setValue('吉林省促进残疾人就业三年行动实施方案');
  await form.get('[data-testid="field-source.clause"]').setValue('二(一)');
  await form.get('[data-testid="field-source.quote"]').setValue('确保新增城乡残疾人就业2.5万人以上');
}

const optionValues = (form: ReturnType<VueWrapper['get']>) => form.get('[data-testid="field-rule.indicator"]').findAll('option').map((option) => option.attributes('value'));

describe('targets page: outcome targets', () => {
  it('offers 确保 with its meaning, and the three outcome shapes', async () => {
    serve([]);
    const { form } = await openForm();

    const ensure = form.get(`#field-strength-${TARGET_STRENGTHS.indexOf('ensure')}`);
    expect(ensure.element.closest('label')?.textContent?.trim()).toBe('确保');
    expect(form.get(`#${ensure.attributes('aria-describedby')}`).text()).toContain('约束性，必须完成');
    const shapes = form.get('[data-testid="field-rule.shape"]').findAll('option').map((option) => option.text());
    expect(shapes.slice(-3)).toEqual(['报告数累计', '比率达到', '每年至少']);
  });

  it('hides the kinds, lists count indicators for a total and rate indicators for a rate, and sends kinds []', async () => {
    const api = serve([]);
    const { form } = await openForm();
    await fillCommon(form);
    await form.get('[data-testid="field-kinds"] input[value="workshop"]').setValue(true); // ticked before the shape changed

    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-cumulative');
    await settle();
    expect(form.find('[data-testid="field-kinds"]').exists()).toBe(false);
    expect(form.get('[data-testid="outcome-no-kinds"]').text()).toBe('按各单位报送的指标统计，不选网点类型。');
    expect(optionValues(form)).toEqual(['', 'new-employment', 'job-fairs']);
    expect(form.get('[data-testid="field-rule.indicator"]').findAll('option')[1]!.text()).toBe('新增城乡残疾人就业（人，季度）');
    await form.get('[data-testid="field-rule.indicator"]').setValue('new-employment');
    expect(form.get('#field-rule-value-unit').text()).toBe('单位：人');
    await form.get('[data-testid="field-rule.value"]').setValue('25000');
    await form.trigger('submit');
    await settle();

    const body = api.sent('POST', '/targets')[0]!.body as { kinds: string[]; strength: string; rule: object };
    expect(body.kinds).toEqual([]);
    expect(body.strength).toBe('ensure');
    expect(body.rule).toEqual({ shape: 'outcome-cumulative', indicator: 'new-employment', value: 25000 });
  });

  it('drops a count indicator when the shape becomes a rate, and takes a percentage with a 2 % tolerance for 左右', async () => {
    const api = serve([]);
    const { form } = await openForm();
    await fillCommon(form);
    await form.get(`#field-strength-${TARGET_STRENGTHS.indexOf('about')}`).setValue(true);
    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-cumulative');
    await settle();
    await form.get('[data-testid="field-rule.indicator"]').setValue('new-employment');
    expect((form.get('[data-testid="field-rule.tolerance"]').element as HTMLInputElement).value).toBe('10');

    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-rate');
    await settle();
    expect(optionValues(form)).toEqual(['', 'employment-rate']);
    expect((form.get('[data-testid="field-rule.indicator"]').element as HTMLSelectElement).value).toBe('');
    expect((form.get('[data-testid="field-rule.tolerance"]').element as HTMLInputElement).value).toBe('2');

    // A rate above 100 % is refused at its field before anything is sent.
    await form.get('[data-testid="field-rule.indicator"]').setValue('employment-rate');
    await form.get('[data-testid="field-rule.value"]').setValue('160');
    await form.trigger('submit');
    await settle();
    expect(api.sent('POST', '/targets')).toEqual([]);
    expect(form.get('#field-rule-value-error').text()).toContain('应在 0.1 到 100 之间');

    await form.get('[data-testid="field-rule.value"]').setValue('60');
    await form.trigger('submit');
    await settle();
    expect((api.sent('POST', '/targets')[0]!.body as { rule: object }).rule).toEqual({ shape: 'outcome-rate', indicator: 'employment-rate', value: 60, tolerance: 0.02 });
  });

  it('asks for the indicator and every year’s minimum of a recurring rule', async () => {
    const api = serve([]);
    const { wrapper, form } = await openForm();
    await fillCommon(form);
    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-recurring');
    await settle();
    await form.trigger('submit');
    await settle();
    expect(api.sent('POST', '/targets')).toEqual([]);
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain('请选择指标');

    await form.get('[data-testid="field-rule.indicator"]').setValue('job-fairs');
    expect(form.get('#field-rule-minimum-unit').text()).toBe('单位：场');
    await form.trigger('submit');
    await settle();
    expect((api.sent('POST', '/targets')[0]!.body as { rule: object }).rule).toEqual({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1 });
  });

  it('asks every county-level unit for the yearly minimum when “each unit” is ticked (各地每年至少1场), and opens such a target ticked', async () => {
    const item = targetListItem({ kinds: [], rule: { shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 }, origin: 'user', regionCode: '220000' });
    const api = serve([item]);
    const { wrapper, form } = await openForm();
    expect(wrapper.get('[data-testid="target-row"]').findAll('td')[1]!.text()).toBe('每个县级单位每年残疾人专场招聘活动至少 1场');
    await fillCommon(form);
    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-recurring');
    await settle();
    await form.get('[data-testid="field-rule.indicator"]').setValue('job-fairs');
    const perUnit = form.get('[data-testid="field-rule.perUnit"] input[type="checkbox"]');
    expect(form.get(`#${perUnit.attributes('aria-describedby')}`).text()).toContain('未达到的单位逐一列出');
    await perUnit.setValue(true);
    await form.trigger('submit');
    await settle();
    expect((api.sent('POST', '/targets')[0]!.body as { rule: object }).rule).toEqual({ shape: 'outcome-recurring', indicator: 'job-fairs', minimum: 1, level: 3 });

    await wrapper.get(`[data-testid="edit-target"][data-id="${item.id}"]`).trigger('click');
    await settle();
    const edited = wrapper.get('[data-testid="target-form"]');
    expect((edited.get('[data-testid="field-rule.perUnit"] input').element as HTMLInputElement).checked).toBe(true);
  });

  it('refuses with the domain schema’s message what the field checks let through', async () => {
    const api = serve([]);
    const { wrapper, form } = await openForm();
    await fillCommon(form);
    await form.get('[data-testid="field-title.zh-CN"]').setValue('长'.repeat(201));
    await form.get('[data-testid="field-rule.shape"]').setValue('outcome-recurring');
    await settle();
    await form.get('[data-testid="field-rule.indicator"]').setValue('job-fairs');
    await form.trigger('submit');
    await settle();

    expect(api.sent('POST', '/targets')).toEqual([]);
    expect(form.get('#field-title-zh-CN').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="error-summary"] a').attributes('href')).toBe('#field-title-zh-CN');
    expect(wrapper.get('#field-title-zh-CN-error').text()).toContain('200');
  });

  it('lists an outcome target with its indicator where others list kinds, and opens it with its fields', async () => {
    const item = targetListItem({ kinds: [], strength: 'ensure', rule: { shape: 'outcome-cumulative', indicator: 'new-employment', value: 25000, tolerance: 0.1 }, origin: 'user', regionCode: '220000' });
    serve([item]);
    const { wrapper } = await mountCoverage('/targets');
    await settle();

    const cells = wrapper.get('[data-testid="target-row"]').findAll('td').map((cell) => cell.text());
    expect(cells.slice(0, 3)).toEqual(['指标：新增城乡残疾人就业', '计划期内新增城乡残疾人就业累计达到 25,000人', '确保']);

    await wrapper.get(`[data-testid="edit-target"][data-id="${item.id}"]`).trigger('click');
    await settle();
    const form = wrapper.get('[data-testid="target-form"]');
    expect(form.find('[data-testid="field-kinds"]').exists()).toBe(false);
    expect((form.get('[data-testid="field-rule.indicator"]').element as HTMLSelectElement).value).toBe('new-employment');
    expect((form.get('[data-testid="field-rule.value"]').element as HTMLInputElement).value).toBe('25000');
  });
});
