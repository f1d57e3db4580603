import { LOCALES } from '@sitenet/domain';
import { COMMON_SITE_FIELDS } from '@sitenet/domain/schemas';
import { describe, expect, it } from 'vitest';
import { i18n } from '#/i18n';
import { commonInputGroups, commonInputs, detailSections } from './common-fields';

/** Every i18n key COMMON_SITE_FIELDS names: labels, hints, units and option labels given as keys. */
function declaredKeys(): string[] {
  const optionKeys = (options?: Record<string, unknown>) => Object.values(options ?? {}).filter((label): label is string => typeof label === 'string');
  return Object.values(COMMON_SITE_FIELDS).flatMap((field) => [
    ...(field.form?.inputs ?? []).flatMap((input) => [input.label, ...(input.hint ? [input.hint] : []), ...(input.unit ? [input.unit] : []), ...optionKeys(input.options)]),
    ...field.shown.flatMap((shown) => [shown.label, ...optionKeys(shown.options)]),
  ]);
}

describe('the common fields as the portal presents them', () => {
  it('have a translation in every language for each label, hint, unit and option the declaration names', () => {
    const missing = LOCALES.flatMap((locale) => declaredKeys().filter((key) => !i18n.global.te(key, locale)).map((key) => `${locale}: ${key}`));
    expect(missing).toEqual([]);
  });

  it('are drawn in the declared groups, in order, and shown in the declared sections', () => {
    expect(commonInputGroups(commonInputs()).map((group) => [group.group, group.inputs.map((input) => input.descriptor.path)])).toEqual([
      ['basics', ['name']],
      ['location', ['regionCode', 'address', 'location.lat', 'location.lng', 'location.system']],
      ['operator', ['operator.name', 'operator.creditCode']],
      ['contact', ['contact.person', 'contact.phone']],
      ['more', ['openedOn', 'barrierFree']],
    ]);
    expect(detailSections().map((section) => [section.id, section.entries.map((entry) => entry.path)])).toEqual([
      ['basics', ['openedOn', 'barrierFree']],
      ['location', ['regionCode', 'address', 'location', 'locationSource']],
      ['operator', ['operator.name', 'operator.creditCode', 'contact.person', 'contact.phone']],
    ]);
  });
});
