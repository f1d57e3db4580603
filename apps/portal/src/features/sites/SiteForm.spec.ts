import type { Site } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { setLocale } from '#/i18n';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { jsonResponse } from '#/test/http';
import { fieldIssue, pendingChange, site, validationError, versionConflict } from './test-factories';
import { field, fillWorkshop, mountAt, regionSelects, regionWithin, serve } from './site-form-harness';

describe('SiteForm: registering a site', () => {
  it('first asks for the kind, with each kind as a described radio, and puts the choice in the URL', async () => {
    const workshop = workshopKind();
    const api = serve([workshop, baseKind()]);
    const { wrapper, router } = await mountAt('/sites/new');

    expect(wrapper.get('h1').text()).toBe('登记网点');
    const radios = wrapper.findAll('[data-testid="kind-choice"]');
    expect(radios.map((radio) => radio.attributes('value'))).toEqual(['workshop', 'base']);
    expect(radios[0]!.attributes('type')).toBe('radio');
    const description = wrapper.get(`#${radios[0]!.attributes('aria-describedby')}`);
    expect(description.text()).toBe(workshop.description['zh-CN']);
    expect(wrapper.find('[data-testid="site-form"]').exists()).toBe(false);

    await radios[0]!.setValue(true);
    await flushPromises();

    expect(router.currentRoute.value.query.kind).toBe('workshop');
    expect(wrapper.find('[data-testid="site-form"]').exists()).toBe(true);
    expect(api.sent('GET', '/site-kinds')).toHaveLength(1);
  });

  it("draws the kind's own fields from its schema: labels, required in words, units and help tied to the input", async () => {
    serve();
    const { wrapper } = await mountAt('/sites/new?kind=workshop');

    const participants = field(wrapper, 'attributes.participants');
    expect(participants.attributes('type')).toBe('number');
    expect(participants.attributes('min')).toBe('0');
    expect(participants.attributes('max')).toBe('1000');
    expect(participants.attributes('step')).toBe('1');
    expect(participants.attributes('aria-required')).toBe('true');
    const label = wrapper.get(`label[for="${participants.attributes('id')}"]`);
    expect(label.text()).toBe('辅助性就业人数（必填）');
    const described = participants.attributes('aria-describedby')!.split(' ').map((id) => wrapper.get(`#${id}`).text());
    expect(described).toEqual(['不含工作人员', '单位：人']);

    const income = field(wrapper, 'attributes.income');
    expect(wrapper.get(`label[for="${income.attributes('id')}"]`).text()).toBe('月均收入（选填）');
    expect(income.attributes('step')).toBe('any');

    const host = field(wrapper, 'attributes.host');
    expect(host.element.tagName).toBe('SELECT');
    expect(host.findAll('option').map((option) => option.text())).toEqual(['请选择', 'community-zh', 'civil-zh', 'care-zh', 'social-zh', 'enterprise-zh']);

    const categories = field(wrapper, 'attributes.categories');
    expect(categories.element.tagName).toBe('FIELDSET');
    expect(categories.get('legend').text()).toBe('残疾类别（必填）');
    expect(categories.findAll('input[type="checkbox"]')).toHaveLength(3);

    expect(field(wrapper, 'attributes.rentFree').attributes('role')).toBe('switch');
    expect(field(wrapper, 'attributes.projects').get('legend').text()).toBe('劳动项目（选填）');
    expect(wrapper.get('[data-testid="kind-fields"] > legend').text()).toBe('辅助性就业机构：专项信息');

    const system = field(wrapper, 'location.system');
    expect((system.element as HTMLSelectElement).value).toBe('wgs84');
    expect(system.findAll('option').map((option) => option.text()).slice(1)).toEqual(['WGS-84（GPS、天地图）', 'GCJ-02（高德、腾讯地图）', 'BD-09（百度地图）']);
    const creditHelp = field(wrapper, 'operator.creditCode').attributes('aria-describedby')!;
    expect(wrapper.get(`#${creditHelp}`).text()).toBe('18 位，见营业执照');
  });

  it('draws an enum of four options as a radio group with a legend', async () => {
    serve();
    const { wrapper } = await mountAt('/sites/new?kind=base');

    const grade = field(wrapper, 'attributes.grade');
    expect(grade.element.tagName).toBe('FIELDSET');
    expect(grade.get('legend').text()).toBe('基地级别（必填）');
    expect(grade.findAll('input[type="radio"]').map((radio) => radio.attributes('value'))).toEqual(['national', 'provincial', 'prefectural', 'county']);
    expect(wrapper.find('[data-testid="field-attributes.participants"]').exists()).toBe(false);
  });

  it('adds and removes items of a list field, each labelled with its number, moving focus along', async () => {
    serve();
    const { wrapper } = await mountAt('/sites/new?kind=workshop');

    await wrapper.get('[data-testid="add-attributes.projects"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="add-attributes.projects"]').trigger('click');
    await flushPromises();

    const second = field(wrapper, 'attributes.projects.1');
    expect(wrapper.get(`label[for="${second.attributes('id')}"]`).text()).toBe('劳动项目 2');
    expect(document.activeElement).toBe(second.element);

    await wrapper.get('[data-testid="remove-attributes.projects.0"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid^="field-attributes.projects."]')).toHaveLength(1);
    expect(document.activeElement).toBe(field(wrapper, 'attributes.projects.0').element);
  });

  it('checks the obvious before sending: an error summary lists the missing fields and nothing is posted', async () => {
    const api = serve();
    const { wrapper } = await mountAt('/sites/new?kind=workshop');

    await field(wrapper, 'attributes.participants').setValue('1001');
    await wrapper.get('[data-testid="save-and-submit"]').trigger('click');
    await flushPromises();

    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(summary.element);
    const items = summary.findAll('li').map((item) => item.text());
    expect(items).toContain('请填写网点名称');
    expect(items).toContain('请填写详细地址');
    expect(items).toContain('辅助性就业人数不能大于 1000');
    expect(summary.get('h2').text()).toBe(`请修正以下 ${items.length} 处错误`);
    expect(api.sent('POST', '/sites')).toHaveLength(0);
  });

  it("maps a 400's issues to their fields and to the summary, in the UI language, with links that focus the field", async () => {
    const api = serve();
    api.on('POST', '/sites', () =>
      jsonResponse(
        validationError([
          fieldIssue('body.operator.creditCode', '统一社会信用代码无效', 'Invalid unified social credit code'),
          fieldIssue('body.attributes.participants', '人数不能超过签约人数', 'Too many participants'),
          fieldIssue('body.location', '坐标不在中国境内', 'Outside China'),
          fieldIssue('body', '请求格式有误', 'Malformed request'),
        ]),
        400,
      ),
    );
    const { wrapper } = await mountAt('/sites/new?kind=workshop');
    await fillWorkshop(wrapper);

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    const posted = api.sent('POST', '/sites').at(-1)!.body as Record<string, unknown>;
    expect(posted).toMatchObject({ kind: 'workshop', regionCode: '220102', attributes: { participants: 12, host: 'community' } });

    const summary = wrapper.get('[data-testid="error-summary"]');
    expect(summary.get('h2').text()).toBe('请修正以下 4 处错误');
    expect(document.activeElement).toBe(summary.element);

    const creditCodeInput = field(wrapper, 'operator.creditCode');
    expect(creditCodeInput.attributes('aria-invalid')).toBe('true');
    const errorId = creditCodeInput.attributes('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(wrapper.get(`#${errorId}`).text()).toBe('错误：统一社会信用代码无效');
    expect(field(wrapper, 'attributes.participants').attributes('aria-invalid')).toBe('true');
    expect(field(wrapper, 'location.lat').attributes('aria-invalid')).toBe('true');
    expect(field(wrapper, 'name').attributes('aria-invalid')).toBeUndefined();

    const links = summary.findAll('a');
    expect(links.map((link) => link.text())).toEqual(['统一社会信用代码无效', '人数不能超过签约人数', '坐标不在中国境内']);
    expect(summary.findAll('li').at(-1)!.text()).toBe('请求格式有误');
    await links[1]!.trigger('click');
    expect(document.activeElement).toBe(field(wrapper, 'attributes.participants').element);

    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="error-summary"] h2').text()).toBe('There are 4 problems');
    expect(wrapper.get(`#${errorId}`).text()).toBe('Error: Invalid unified social credit code');
  });

  it('after a successful save goes to the detail page and says it was saved', async () => {
    const api = serve();
    const created = site({ name: '南关区阳光家园' });
    api.on('POST', '/sites', () => jsonResponse(created, 201));
    api.on('GET', `/sites/${created.id}`, () => jsonResponse(created));
    const { wrapper, router } = await mountAt('/sites/new?kind=workshop');
    await fillWorkshop(wrapper);

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe(`/sites/${created.id}`);
    expect(wrapper.get('[data-testid="saved-banner"]').text()).toBe('已登记。新网点的状态为草稿。');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    await vi.waitFor(() => expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('已保存：南关区阳光家园'));
  });
});

describe('SiteForm: editing a site', () => {
  function serveSite(stored: Site) {
    const api = serve();
    api.on('GET', `/sites/${stored.id}`, () => jsonResponse(stored));
    return api;
  }

  it('fills the form from the stored site and sends only the version and what changed', async () => {
    const stored = site({ version: 3 });
    const api = serveSite(stored);
    api.on('PATCH', `/sites/${stored.id}`, (request) => jsonResponse({ ...stored, ...(request.body as object), version: 4 }));
    const { wrapper } = await mountAt(`/sites/${stored.id}/edit`);

    expect(wrapper.get('h1').text()).toBe(`编辑网点：${stored.name}`);
    expect(wrapper.find('[data-testid="kind-choice"]').exists()).toBe(false);
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe(stored.name);
    expect((field(wrapper, 'attributes.participants').element as HTMLInputElement).value).toBe('18');
    // The picker starts at the district user's county: it is fixed, a township may be chosen.
    expect(regionWithin(wrapper)).toBe('您的辖区：吉林省 长春市 南关区');
    expect(regionSelects(wrapper)).toEqual(['']);

    await field(wrapper, 'contact.phone').setValue('13912345678');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(api.sent('PATCH', `/sites/${stored.id}`)[0]!.body).toEqual({ version: 3, contact: { person: stored.contact.person, phone: '13912345678' } });
  });

  it('says an edit of a published site awaits review when the API turns it into a change request', async () => {
    const stored = site({ status: 'approved', version: 2 });
    const api = serveSite(stored);
    const pendingChange = {
      status: 'submitted' as const,
      changes: [{ field: 'name', from: stored.name, to: '新名称' }],
      proposedBy: 'account-1',
      proposedByName: '南关区工作人员',
      proposedAt: '2025-03-03T08:00:00.000Z',
      reason: null,
    };
    api.on('PATCH', `/sites/${stored.id}`, () => jsonResponse({ ...stored, pendingChange }));
    const { wrapper } = await mountAt(`/sites/${stored.id}/edit`);

    await field(wrapper, 'name').setValue('新名称');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="saved-banner"]').text()).toBe('已保存为变更申请：审核通过后，下列内容才会更新。');
  });

  it('on a 409 says someone else changed the site, shows their values, keeps what the user typed and saves on the latest version', async () => {
    const stored = site({ version: 1, name: '旧名称' });
    const latest = site({
      ...stored,
      version: 2,
      contact: { ...stored.contact, phone: '13912345678' },
      attributes: { ...stored.attributes, participants: 25 },
      updatedAt: '2025-03-05T10:00:00.000Z',
    });
    const api = serveSite(stored);
    let conflictOnce = true;
    api.on('PATCH', `/sites/${stored.id}`, (request) => {
      if (conflictOnce) {
        conflictOnce = false;
        return jsonResponse(versionConflict(latest), 409);
      }
      return jsonResponse({ ...latest, name: (request.body as { name: string }).name, version: 3 });
    });
    api.on('GET', `/sites/${stored.id}`, () => jsonResponse(conflictOnce ? stored : { ...latest, name: '我的新名称', version: 3 }));
    const { wrapper, router } = await mountAt(`/sites/${stored.id}/edit`);

    await field(wrapper, 'name').setValue('我的新名称');
    await field(wrapper, 'attributes.participants').setValue('30');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    const notice = wrapper.get('[data-testid="conflict-notice"]');
    expect(notice.attributes('role')).toBe('alert');
    expect(document.activeElement).toBe(notice.element);
    expect(notice.text()).toContain('第 2 版');
    const rows = notice.findAll('tbody tr').map((row) => [row.attributes('data-path'), ...row.findAll('td').map((cell) => cell.text())]);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ['contact.phone', '13912345678', '13912345678'],
      ['attributes.participants', '25 人', expect.stringMatching(/^30 人/)],
    ]);
    expect(rows[1]![2]).toContain('双方都修改了');
    expect(rows[0]![2]).not.toContain('双方都修改了');
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('我的新名称');
    expect((field(wrapper, 'contact.phone').element as HTMLInputElement).value).toBe('13912345678');
    expect((field(wrapper, 'attributes.participants').element as HTMLInputElement).value).toBe('30');

    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    const second = api.sent('PATCH', `/sites/${stored.id}`)[1]!.body as Record<string, unknown>;
    expect(second.version).toBe(2);
    expect(second.name).toBe('我的新名称');
    expect(second).not.toHaveProperty('contact');
    expect((second.attributes as Record<string, unknown>).participants).toBe(30);
    expect(router.currentRoute.value.name).toBe('site');
  });

  it('lets the user drop their changes after a 409 and take the latest version', async () => {
    const stored = site({ version: 1 });
    const latest = site({ ...stored, version: 2, name: '别人改的名称' });
    const api = serveSite(stored);
    api.on('PATCH', `/sites/${stored.id}`, () => jsonResponse(versionConflict(latest), 409));
    const { wrapper } = await mountAt(`/sites/${stored.id}/edit`);

    await field(wrapper, 'name').setValue('我的名称');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid="conflict-discard"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="conflict-notice"]').exists()).toBe(false);
    expect((field(wrapper, 'name').element as HTMLInputElement).value).toBe('别人改的名称');
    expect(wrapper.get('h1').text()).toBe('编辑网点：别人改的名称');
  });
});

describe('SiteForm: a published site', () => {
  it('is edited as a change request, starting from the change already waiting', async () => {
    const stored = site({
      status: 'approved',
      name: '阳光家园',
      pendingChange: pendingChange([{ field: 'attributes.participants', from: 18, to: 25 }]),
    });
    const api = serve();
    api.on('GET', `/sites/${stored.id}`, () => jsonResponse(stored));
    api.on('PATCH', `/sites/${stored.id}`, () => jsonResponse(stored));
    const { wrapper } = await mountAt(`/sites/${stored.id}/edit`);

    expect(wrapper.get('h1').text()).toBe('申请变更：阳光家园');
    expect(wrapper.get('[data-testid="change-request-note"]').text()).toContain('审核通过前，已发布的内容保持不变');
    expect((field(wrapper, 'attributes.participants').element as HTMLInputElement).value).toBe('25');

    await field(wrapper, 'name').setValue('南关区阳光家园');
    await wrapper.get('[data-testid="site-form"]').trigger('submit');
    await flushPromises();

    const body = api.sent('PATCH', `/sites/${stored.id}`)[0]!.body as Record<string, unknown>;
    expect(body).toEqual({ version: stored.version, name: '南关区阳光家园' });
  });
});
