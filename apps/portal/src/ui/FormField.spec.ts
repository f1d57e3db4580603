import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { i18n } from '#/i18n';
import FormField from './FormField.vue';

/** A field frame around a plain input that takes the slot's describedBy and invalid, as every form does. */
function mountField(props: Record<string, unknown>) {
  const Host = defineComponent(() => () =>
    h(FormField, { id: 'field-name', label: '名称', ...props }, {
      default: ({ describedBy, invalid }: { describedBy?: string; invalid?: 'true' }) =>
        h('input', { id: 'field-name', 'aria-describedby': describedBy, 'aria-invalid': invalid }),
    }),
  );
  return mount(Host, { global: { plugins: [i18n] } });
}

describe('FormField', () => {
  it('labels the control and ties hint, extra descriptions and error to it in that order', () => {
    const wrapper = mountField({ marker: '（必填）', hint: '全称', error: '请填写名称', describedByAfter: ['field-name-unit'] });
    const input = wrapper.get('input');
    expect(wrapper.get('label').attributes('for')).toBe('field-name');
    expect(wrapper.get('label').text()).toBe('名称（必填）');
    expect(input.attributes('aria-describedby')).toBe('field-name-hint field-name-unit field-name-error');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('#field-name-hint').text()).toBe('全称');
    // The error says it is one to a screen reader, before the message.
    expect(wrapper.get('#field-name-error').text()).toBe('错误：请填写名称');
    expect(wrapper.get('.form-field').classes()).toContain('form-field--error');
  });

  it('describes nothing and is not invalid without hint or error', () => {
    const input = mountField({}).get('input');
    expect(input.attributes('aria-describedby')).toBeUndefined();
    expect(input.attributes('aria-invalid')).toBeUndefined();
  });
});
