import type { Site } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { districtStaff } from '#/features/auth/test-factories';
import { jsonResponse } from '#/test/http';
import { loadKindSchemas } from './kind-check';
import { mountSettled, pendingChange, serveOneSite, site } from './test-factories';

/**
 * The portal's half of "Adding a common site field" (README): an entry in COMMON_SITE_FIELDS and
 * its translation, and the form, the detail page and the change-request diff show it with nothing
 * else changed. The declaration is static, so this file replaces @sitenet/domain/schemas with one
 * whose COMMON_SITE_FIELDS has one more field (as apps/api/test/common-field.spec.ts does for the
 * API), and adds the translation before the portal reads its labels.
 */
await vi.hoisted(async () => {
  const { i18n } = await import('#/i18n');
  i18n.global.mergeLocaleMessage('zh-CN', { sites: { fields: { website: '网站', websiteHint: '以 https:// 开头' } } });
  i18n.global.mergeLocaleMessage('en', { sites: { fields: { website: 'Website', websiteHint: 'Starting with https://' } } });
});
vi.mock('@sitenet/domain/schemas', async (importOriginal) => {
  const schemas = await importOriginal<typeof import('@sitenet/domain/schemas')>();
  const website = schemas.commonSiteField({
    input: schemas.lineText(4, 200).nullable().default(null),
    output: schemas.COMMON_SITE_FIELDS.openedOn.output,
    columns: { '': { property: 'website', type: 'varchar', length: 200, nullable: true } },
    inChangeRequests: true,
    form: { group: 'contact', inputs: [{ path: 'website', label: 'sites.fields.website', hint: 'sites.fields.websiteHint' }] },
    shown: [{ path: 'website', label: 'sites.fields.website', display: 'text', section: 'operator' }],
  });
  return { ...schemas, COMMON_SITE_FIELDS: schemas.withCommonSiteFields({ website }) };
});

type WithWebsite = Site & { website: string | null };

const serve = serveOneSite;
// The form's pre-send check loads the kind packages on demand: loaded first, so a save is checked at once.
const mountAt = async (path: string) => (await loadKindSchemas(), mountSettled(path, districtStaff()));

describe('a common field added by its declaration and its translation', () => {
  it('is a control of the form, in its group, filled from the site and sent when changed', async () => {
    const stored: WithWebsite = { ...site({ version: 2 }), website: 'https://old.example.org' };
    const api = serve(stored);
    api.on('PATCH', `/sites/${stored.id}`, (request) => jsonResponse({ ...stored, ...(request.body as object), version: 3 }));
    const { wrapper } = await mountAt(`/sites/${stored.id}/edit`);

    const control = wrapper.get('[data-testid="field-website"]');
    expect((control.element as HTMLInputElement).value).toBe('https://old.example.org');
    const contact = wrapper.findAll('fieldset').find((fieldset) => fieldset.get('legend').text() === '联系人')!;
    expect(contact.text()).toContain('网站');
    expect(contact.text()).toContain('以 https:// 开头');
    expect(contact.find('[data-testid="field-website"]').exists()).toBe(true);

    await control.setValue('x');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    // Its schema's limits are checked before sending.
    expect(api.sent('PATCH', `/sites/${stored.id}`)).toHaveLength(0);
    expect(wrapper.get('[data-testid="error-summary"]').text()).toContain('网站');

    await control.setValue('https://new.example.org');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    expect(api.sent('PATCH', `/sites/${stored.id}`)[0]!.body).toEqual({ version: 2, website: 'https://new.example.org' });
  });

  it('is shown on the detail page, in its section, and labelled in a change request', async () => {
    const shown: WithWebsite = {
      ...site({ status: 'approved', pendingChange: pendingChange([{ field: 'website', from: 'https://old.example.org', to: 'https://new.example.org' }]) }),
      website: 'https://old.example.org',
    };
    serve(shown);
    const { wrapper } = await mountAt(`/sites/${shown.id}`);

    const row = wrapper.get('#site-operator').element.closest('section')!.querySelector('[data-field="website"]')!;
    expect([row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]).toEqual(['网站', 'https://old.example.org']);
    const diff = wrapper.get('[data-testid="diff-row"][data-field="website"]');
    expect([diff.get('th').text(), ...diff.findAll('td').map((cell) => cell.text())]).toEqual(['网站', 'https://old.example.org', 'https://new.example.org']);
  });
});
