import type { AccountSummary, Site } from '@sitenet/domain';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { districtStaff, prefectureReviewer } from '#/features/auth/test-factories';
import { describeAttributes } from '#/features/kinds/fields';
import { baseKind, workshopKind } from '#/features/kinds/test-factories';
import { useKindsStore } from '#/features/kinds/store';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { jilinWorld } from '#/features/regions/region-world';
import { mountWithApp } from '#/test/app';
import { fakeApi, serveRegions } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import SiteCards from './SiteCards.vue';
import { pendingChange, site } from './test-factories';

async function mountCards(sites: Site[], options: { as?: AccountSummary; kindColumns?: string[] } = {}) {
  const api = fakeApi();
  api.on('GET', '/site-kinds', () => jsonResponse({ items: [workshopKind(), baseKind()] }));
  serveRegions(api, jilinWorld().all);
  const kindColumns = describeAttributes(workshopKind().schema).filter((field) => options.kindColumns?.includes(field.key));
  const mounted = await mountWithApp(SiteCards, {
    path: '/sites',
    as: options.as ?? districtStaff(),
    props: { sites, label: '网点列表，第 1 页，共 1 页', kindColumns },
  });
  await Promise.all([useKindsStore().ensureLoaded(), useRegionLookupStore().ensure(sites.map((shown) => shown.regionCode))]);
  await flushPromises();
  return mounted.wrapper;
}

const card = (wrapper: Awaited<ReturnType<typeof mountCards>>, shown: Site) => wrapper.get(`[data-testid="site-card"][data-id="${shown.id}"]`);
const facts = (wrapper: Awaited<ReturnType<typeof mountCards>>, shown: Site) =>
  card(wrapper, shown)
    .findAll('dt')
    .map((term) => `${term.text()}：${term.element.nextElementSibling?.textContent?.trim()}`);

describe('SiteCards', () => {
  it("is a named list of cards: each with the site's name as a link, its kind, unit, update and status and licence badges", async () => {
    const { taoyuan } = jilinWorld();
    const inTownship = site({ name: '桃源街道盲人按摩所', kind: 'base', regionCode: taoyuan.code, status: 'approved', updatedAt: '2025-03-02T09:30:00.000Z', licence: { expiresOn: '2025-05-01', state: 'expiring', daysLeft: 30 } });
    const inCounty = site({ name: '南关区阳光家园', status: 'draft' });

    const wrapper = await mountCards([inTownship, inCounty]);

    const list = wrapper.get('[data-testid="site-cards"]');
    expect(list.element.tagName).toBe('UL');
    expect(list.attributes('aria-label')).toBe('网点列表，第 1 页，共 1 页');
    expect(wrapper.findAll('[data-testid="site-card"]').map((item) => item.attributes('data-id'))).toEqual([inTownship.id, inCounty.id]);

    const first = card(wrapper, inTownship);
    expect(first.get('h3 a').text()).toBe('桃源街道盲人按摩所');
    expect(first.get('h3 a').attributes('href')).toBe(`/sites/${inTownship.id}`);
    expect(facts(wrapper, inTownship)).toEqual(['类型：创业孵化基地', '所在区县、乡镇：南关区 桃源街道', '更新日期：2025年3月2日']);
    expect(first.get('[data-testid="site-card-status"]').text()).toBe('状态：已发布');
    expect(first.get('[data-testid="site-licence"]').text()).toBe('执业许可证将于 2025-05-01 到期（还有 30 天），请及时换证');

    expect(facts(wrapper, inCounty)[1]).toBe('所在区县、乡镇：南关区');
    expect(card(wrapper, inCounty).find('[data-testid="site-licence"]').exists()).toBe(false);
  });

  it("shows the kind's list columns when the list shows one kind", async () => {
    const shown = site({ attributes: { host: 'care', participants: 9, categories: ['visual'] } });

    const wrapper = await mountCards([shown], { kindColumns: ['participants'] });

    expect(facts(wrapper, shown)).toContain('辅助性就业人数：9 人');
  });

  it('offers district staff the next step per status: continue a draft, revise a returned site, ask to change a published one', async () => {
    const draft = site({ status: 'draft', name: '草稿家园' });
    const returned = site({ status: 'returned', name: '退回家园' });
    const approved = site({ status: 'approved', name: '已发布家园' });
    const submitted = site({ status: 'submitted', name: '待审家园' });
    const closed = site({ status: 'closed', name: '已关闭家园' });
    const unnamed = site({ status: 'draft', name: null });

    const wrapper = await mountCards([draft, returned, approved, submitted, closed, unnamed]);

    const action = (shown: Site) => card(wrapper, shown).find('[data-testid="site-card-action"]');
    expect(action(draft).text()).toBe('继续填写，草稿家园');
    expect(action(draft).attributes('href')).toBe(`/sites/${draft.id}/edit`);
    expect(action(returned).text()).toBe('按退回意见修改，退回家园');
    expect(action(returned).classes()).toContain('button--primary');
    expect(action(approved).text()).toBe('申请变更，已发布家园');
    expect(action(approved).attributes('href')).toBe(`/sites/${approved.id}/edit`);
    // Waiting for review or closed: nothing to do but read it (its name is the link).
    expect(action(submitted).exists()).toBe(false);
    expect(action(closed).exists()).toBe(false);
    // A draft saved before it was named (issue 12) is still a card to continue.
    expect(card(wrapper, unnamed).get('h3').text()).toBe('未命名网点');
    expect(action(unnamed).text()).toBe('继续填写，未命名网点');
  });

  it('offers a reviewer to review a submitted site or a submitted change on the site page, and nothing else', async () => {
    const submitted = site({ status: 'submitted', name: '待审家园' });
    const changed = site({ status: 'approved', name: '申请变更的家园', pendingChange: pendingChange([{ field: 'name', from: '旧名', to: '申请变更的家园' }]) });
    const draft = site({ status: 'draft' });
    const approved = site({ status: 'approved' });

    const wrapper = await mountCards([submitted, changed, draft, approved], { as: prefectureReviewer() });

    const action = (shown: Site) => card(wrapper, shown).find('[data-testid="site-card-action"]');
    expect(action(submitted).text()).toBe('审核，待审家园');
    expect(action(submitted).attributes('href')).toBe(`/sites/${submitted.id}`);
    expect(action(changed).attributes('data-action')).toBe('review');
    expect(action(draft).exists()).toBe(false);
    expect(action(approved).exists()).toBe(false);
  });
});
