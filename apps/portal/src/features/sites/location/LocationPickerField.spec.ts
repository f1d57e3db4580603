import { gcj02ToBd09, wgs84ToGcj02 } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { FormValue } from '#/features/kinds/values';
import { mountWithApp } from '#/test/app';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import LocationPickerField from './LocationPickerField.vue';
import { countyCollection, POINTS } from './test-factories';

async function mountField(values: Record<string, FormValue>) {
  fakeApi().on('GET', '/boundaries/counties/22', () => jsonResponse(countyCollection()));
  const { wrapper } = await mountWithApp(LocationPickerField, { props: { values } });
  await flushPromises();
  return wrapper;
}

describe('LocationPickerField (the picker in the site form)', () => {
  it("shows and checks the typed BD-09 point as it will be stored, against the chosen township's county", async () => {
    const bd = gcj02ToBd09(wgs84ToGcj02(POINTS.fiveKmEast));
    const wrapper = await mountField({ regionCode: '220102001000', 'location.lat': String(bd.lat), 'location.lng': String(bd.lng), 'location.system': 'bd09' });
    expect(wrapper.get('[data-testid="location-current"]').text()).toBe('当前位置：纬度 43.850000，经度 125.562500（WGS-84）');
    expect(wrapper.get('[data-testid="location-check"]').attributes('data-verdict')).toBe('outside');
  });

  it('writes a picked point into the typed fields in WGS-84, and the confirmation as locationConfirmed', async () => {
    const wrapper = await mountField({ regionCode: '220102', 'location.lat': '125.35', 'location.lng': '43.85', 'location.system': 'gcj02' });
    await wrapper.get('[data-testid="location-swap"]').trigger('click');
    expect(wrapper.emitted('update')).toEqual([
      ['location.lat', '43.85'],
      ['location.lng', '125.35'],
      ['location.system', 'wgs84'],
    ]);
    await wrapper.setProps({ values: { regionCode: '220102', 'location.lat': '43.85', 'location.lng': '125.5625', 'location.system': 'wgs84' } });
    await wrapper.get('[data-testid="location-confirm"]').setValue(true);
    expect(wrapper.emitted('update')!.at(-1)).toEqual(['locationConfirmed', true]);
  });
});
