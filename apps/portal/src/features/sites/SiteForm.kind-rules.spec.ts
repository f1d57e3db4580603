import { auxiliaryWorkshop } from '@sitenet/kinds';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { field, mountAt, serve } from './site-form-harness';
import { creditCode } from './test-factories';
import { installedKindDescription } from './test-kinds';

/**
 * Issue 12, "one round of errors": the form runs the kind's own zod schema and cross-field rules
 * (from @sitenet/kinds, as the API does) before sending, so a rule between two attributes shows
 * with every other error, and nothing is posted.
 */

async function fillAuxiliaryWorkshop(wrapper: VueWrapper, counts: { participants: string; contractedWorkers: string }) {
  await field(wrapper, 'name').setValue('南关区阳光家园');
  await field(wrapper, 'address').setValue('人民大街 1 号');
  await field(wrapper, 'location.lat').setValue('43.88');
  await field(wrapper, 'location.lng').setValue('125.32');
  await field(wrapper, 'operator.name').setValue('南关区残联');
  await field(wrapper, 'operator.creditCode').setValue(creditCode());
  await field(wrapper, 'contact.person').setValue('王芳');
  await field(wrapper, 'attributes.host').setValue('community');
  await field(wrapper, 'attributes.participants').setValue(counts.participants);
  await field(wrapper, 'attributes.contractedWorkers').setValue(counts.contractedWorkers);
  await field(wrapper, 'attributes.insuredWorkers').setValue('0');
  await field(wrapper, 'attributes.jobCoaches').setValue('1');
  await field(wrapper, 'attributes.disabilityCategories').get('input[value="intellectual"]').setValue(true);
  await wrapper.get('[data-testid="add-attributes.labourProjects"]').trigger('click');
  await flushPromises();
  await field(wrapper, 'attributes.labourProjects.0').setValue('手工编织');
}

describe("SiteForm: the kind's cross-field rules before sending", () => {
  it('shows a broken rule at the field it blames together with a wrong phone, and posts nothing', async () => {
    const api = serve([installedKindDescription(auxiliaryWorkshop)]);
    const { wrapper } = await mountAt('/sites/new?kind=auxiliary-workshop');
    await fillAuxiliaryWorkshop(wrapper, { participants: '12', contractedWorkers: '30' });
    await field(wrapper, 'contact.phone').setValue('12345');

    await wrapper.get('[data-testid="save-and-submit"]').trigger('click');
    await flushPromises();

    const items = wrapper.get('[data-testid="error-summary"]').findAll('li').map((item) => item.text());
    expect(items).toHaveLength(2);
    expect(items.some((item) => item.includes('电话号码无效'))).toBe(true);
    expect(items).toContain('签订劳动合同（协议）人数不能多于辅助性就业人数：请核对这两项人数');
    const contracted = field(wrapper, 'attributes.contractedWorkers');
    expect(contracted.attributes('aria-invalid')).toBe('true');
    const errorId = contracted.attributes('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(wrapper.get(`#${errorId}`).text()).toContain('签订劳动合同（协议）人数不能多于辅助性就业人数');
    expect(api.sent('POST', '/sites')).toHaveLength(0);
  });

  it('sends the registration once the rule holds', async () => {
    const api = serve([installedKindDescription(auxiliaryWorkshop)]);
    const { wrapper } = await mountAt('/sites/new?kind=auxiliary-workshop');
    await fillAuxiliaryWorkshop(wrapper, { participants: '12', contractedWorkers: '5' });
    await field(wrapper, 'contact.phone').setValue('0431-88881234');

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="error-summary"]').exists()).toBe(false);
    expect(api.sent('POST', '/sites')[0]!.body).toMatchObject({ kind: 'auxiliary-workshop', attributes: { participants: 12, contractedWorkers: 5 } });
  });
});
