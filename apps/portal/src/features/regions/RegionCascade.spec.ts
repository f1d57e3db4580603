import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { i18n } from '#/i18n';
import { fakeApi, serveRegions } from '#/test/fake-api';
import RegionCascade from './RegionCascade.vue';
import { jilinWorld } from './region-world';

/** The picker inside a parent that holds the value, as forms and filters do. */
function mountPicker(initial: string | null, maxLevel: 3 | 4 = 3, within: string | null = null) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const value = ref<string | null>(initial);
  const Host = defineComponent(() => () =>
    h(RegionCascade, {
      modelValue: value.value,
      'onUpdate:modelValue': (code: string | null) => (value.value = code),
      legend: '所在地区',
      emptyLabel: '全部',
      maxLevel,
      within,
      id: 'picker',
      testid: 'picker',
    }),
  );
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, i18n] } });
  return { wrapper, value };
}

const selects = (wrapper: ReturnType<typeof mountPicker>['wrapper']) => wrapper.findAll('select');
const labels = (wrapper: ReturnType<typeof mountPicker>['wrapper']) => wrapper.findAll('label').map((label) => label.text());

describe('RegionCascade', () => {
  it('offers the next level once a unit is chosen, labelled by its level; a municipality goes straight to its districts', async () => {
    serveRegions(fakeApi(), jilinWorld().all);
    const { wrapper, value } = mountPicker(null);
    await flushPromises();
    expect(selects(wrapper)).toHaveLength(1);
    expect(selects(wrapper)[0]!.findAll('option').map((option) => option.text())).toEqual(['全部', '北京市', '吉林省']);

    await selects(wrapper)[0]!.setValue('110000');
    await flushPromises();
    expect(value.value).toBe('110000');
    expect(labels(wrapper)).toEqual(['省级', '县级（县、市、区）']);

    await selects(wrapper)[0]!.setValue('220000');
    await flushPromises();
    await selects(wrapper)[1]!.setValue('220100');
    await flushPromises();
    expect(labels(wrapper)).toEqual(['省级', '地级（市、州、盟）', '县级（县、市、区）']);
    expect(value.value).toBe('220100');
    // The deepest select carries the picker's id (error links land where the user continues).
    expect(selects(wrapper)[2]!.attributes('id')).toBe('picker');

    await selects(wrapper)[1]!.setValue('');
    await flushPromises();
    expect(value.value).toBe('220000');
    expect(selects(wrapper)).toHaveLength(2);
  });

  it('stops at counties as a filter and offers townships in a form', async () => {
    const { nanguan } = jilinWorld();
    serveRegions(fakeApi(), jilinWorld().all);
    const filter = mountPicker(nanguan.code, 3);
    await flushPromises();
    expect(selects(filter.wrapper).map((select) => (select.element as HTMLSelectElement).value)).toEqual(['220000', '220100', '220102']);
    filter.wrapper.unmount();

    const form = mountPicker(nanguan.code, 4);
    await flushPromises();
    expect(selects(form.wrapper)).toHaveLength(4);
    expect(labels(form.wrapper).at(-1)).toBe('乡级（乡、镇、街道）');
  });

  describe('starting at the user\'s jurisdiction', () => {
    const fixedText = (wrapper: ReturnType<typeof mountPicker>['wrapper']) => wrapper.get('[data-testid="region-within"]').text();

    it('a district user sees their county fixed, as text, and picks at most a township of it (or none: the county)', async () => {
      const { nanguan, taoyuan } = jilinWorld();
      serveRegions(fakeApi(), jilinWorld().all);
      const { wrapper, value } = mountPicker(nanguan.code, 4, nanguan.code);
      await flushPromises();
      expect(fixedText(wrapper)).toBe('您的辖区：吉林省 长春市 南关区');
      expect(selects(wrapper)).toHaveLength(1);
      expect(labels(wrapper)).toEqual(['乡级（乡、镇、街道）']);
      expect(selects(wrapper)[0]!.findAll('option').map((option) => option.text())).toEqual(['全部', '桃源街道']);
      // The fixed levels describe the select, so a screen reader says where the township lies.
      expect(selects(wrapper)[0]!.attributes('aria-describedby')).toBe('picker-within');

      await selects(wrapper)[0]!.setValue(taoyuan.code);
      await flushPromises();
      expect(value.value).toBe(taoyuan.code);
      expect(fixedText(wrapper)).toContain('南关区');

      await selects(wrapper)[0]!.setValue('');
      await flushPromises();
      expect(value.value).toBe(nanguan.code);
      expect(selects(wrapper)).toHaveLength(1);
    });

    it('opens on a stored township below the county, its county still fixed', async () => {
      const { nanguan, taoyuan } = jilinWorld();
      serveRegions(fakeApi(), jilinWorld().all);
      const { wrapper } = mountPicker(taoyuan.code, 4, nanguan.code);
      await flushPromises();
      expect(fixedText(wrapper)).toBe('您的辖区：吉林省 长春市 南关区');
      expect(selects(wrapper).map((select) => (select.element as HTMLSelectElement).value)).toEqual([taoyuan.code]);
    });

    it('a prefecture user starts at the prefecture: its counties, then their townships', async () => {
      const { changchun, nanguan, taoyuan } = jilinWorld();
      serveRegions(fakeApi(), jilinWorld().all);
      const { wrapper, value } = mountPicker(null, 4, changchun.code);
      await flushPromises();
      expect(fixedText(wrapper)).toBe('您的辖区：吉林省 长春市');
      expect(selects(wrapper)[0]!.findAll('option').map((option) => option.text())).toEqual(['全部', '南关区', '宽城区']);
      expect(wrapper.text()).not.toContain('北京市');

      await selects(wrapper)[0]!.setValue(nanguan.code);
      await flushPromises();
      expect(labels(wrapper)).toEqual(['县级（县、市、区）', '乡级（乡、镇、街道）']);
      await selects(wrapper)[1]!.setValue(taoyuan.code);
      await flushPromises();
      expect(value.value).toBe(taoyuan.code);
    });

    it('with nothing left to choose (a county without townships) the fixed text carries the picker\'s id', async () => {
      const { kuancheng } = jilinWorld();
      serveRegions(fakeApi(), jilinWorld().all);
      const { wrapper } = mountPicker(kuancheng.code, 4, kuancheng.code);
      await flushPromises();
      expect(selects(wrapper)).toHaveLength(0);
      expect(wrapper.get('[data-testid="region-within"]').attributes('id')).toBe('picker');
      expect(fixedText(wrapper)).toBe('您的辖区：吉林省 长春市 宽城区');
    });

    it('an admin (no jurisdiction) starts at the provinces, as before', async () => {
      serveRegions(fakeApi(), jilinWorld().all);
      const { wrapper } = mountPicker(null, 4, null);
      await flushPromises();
      expect(wrapper.find('[data-testid="region-within"]').exists()).toBe(false);
      expect(selects(wrapper)[0]!.findAll('option').map((option) => option.text())).toEqual(['全部', '北京市', '吉林省']);
    });
  });

  it('says when a level cannot be loaded, and retries', async () => {
    const api = fakeApi();
    const { wrapper } = mountPicker(null);
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('无法加载区划列表。');

    serveRegions(api, jilinWorld().all);
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(selects(wrapper)[0]!.findAll('option')).toHaveLength(3);
  });
});
