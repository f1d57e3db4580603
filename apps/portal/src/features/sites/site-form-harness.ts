import type { AccountSummary } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import App from '#/App.vue';
import { districtStaff } from '#/features/auth/test-factories';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { creditCode } from './test-factories';

/* What the site form's specs share: the API they talk to, mounting the app at a page, and filling the form. */

export function serve(kinds = [workshopKind(), baseKind()]) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: kinds }));
  serveRegions(api, jilinWorld().all);
  return api;
}

export async function mountAt(path: string, as: AccountSummary = districtStaff()) {
  const mounted = await mountWithApp(App, { path, as });
  await flushPromises();
  return mounted;
}

export const field = (wrapper: VueWrapper, path: string) => wrapper.get(`[data-testid="field-${path}"]`);

async function chooseRegion(wrapper: VueWrapper, codes: string[]) {
  for (const [index, code] of codes.entries()) {
    await wrapper.findAll('[data-testid="field-regionCode"] select')[index]!.setValue(code);
    await flushPromises();
  }
}

/** Fills every required field of the workshop form with values the client accepts. */
export async function fillWorkshop(wrapper: VueWrapper) {
  await field(wrapper, 'name').setValue('南关区阳光家园');
  await chooseRegion(wrapper, ['220000', '220100', '220102']);
  await field(wrapper, 'address').setValue('人民大街 1 号');
  await field(wrapper, 'location.lat').setValue('43.88');
  await field(wrapper, 'location.lng').setValue('125.32');
  await field(wrapper, 'operator.name').setValue('南关区残联');
  await field(wrapper, 'operator.creditCode').setValue(creditCode());
  await field(wrapper, 'contact.person').setValue('王芳');
  await field(wrapper, 'contact.phone').setValue('0431-88881234');
  await field(wrapper, 'attributes.host').setValue('community');
  await field(wrapper, 'attributes.participants').setValue('12');
  await field(wrapper, 'attributes.categories').get('input[value="visual"]').setValue(true);
}
