import type { AccountSummary } from '@sitenet/domain';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import App from '#/App.vue';
import { districtStaff } from '#/features/auth/test-factories';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { loadKindSchemas } from './kind-check';
import { creditCode } from './test-factories';

/* What the site form's specs share: the API they talk to, mounting the app at a page, and filling the form. */

export function serve(kinds = [workshopKind(), baseKind()]) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: kinds }));
  serveRegions(api, jilinWorld().all);
  return api;
}

export async function mountAt(path: string, as: AccountSummary = districtStaff()) {
  // The kind packages the form's pre-send check loads on demand (a dynamic import takes longer
  // than the promises flushPromises waits for): loaded first, so a save is checked at once.
  await loadKindSchemas();
  const mounted = await mountWithApp(App, { path, as });
  await flushPromises();
  return mounted;
}

export const field = (wrapper: VueWrapper, path: string) => wrapper.get(`[data-testid="field-${path}"]`);

/** The unit picker's fixed levels (the user's jurisdiction), as the page says them. */
export const regionWithin = (wrapper: VueWrapper) => wrapper.get('[data-testid="field-regionCode"] [data-testid="region-within"]').text();

/** The unit picker's selects' values (below the fixed levels). */
export const regionSelects = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="field-regionCode"] select').map((select) => (select.element as HTMLSelectElement).value);

/** Fills every required field of the workshop form with values the client accepts (the unit: the district user's county, chosen already). */
export async function fillWorkshop(wrapper: VueWrapper) {
  await field(wrapper, 'name').setValue('南关区阳光家园');
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
