import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { jilinWorld } from '#/features/regions/region-world';
import { setLocale } from '#/i18n';
import { fakeApi } from '#/test/fake-api';
import { jsonResponse } from '#/test/http';
import { mountSettled, serveOneSite, site } from './test-factories';

const serve = serveOneSite;
const mountAt = (path: string) => mountSettled(path);

/** The description list as [term, description] pairs, by data-field. */
function described(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) {
  return Object.fromEntries(
    wrapper.findAll('[data-testid="site-detail"] dl > div').map((row) => [row.attributes('data-field'), [row.get('dt').text(), row.get('dd').text()]]),
  );
}

describe('SiteDetail', () => {
  it("lists the common fields and the kind's fields with labels, units, option labels and yes/no", async () => {
    const { taoyuan } = jilinWorld();
    const shown = site({
      regionCode: taoyuan.code,
      status: 'approved',
      version: 7,
      barrierFree: ['ramp', 'lift'],
      attributes: { host: 'care', participants: 18, categories: ['visual', 'intellectual'], projects: ['洗车', '烘焙'], rentFree: false },
    });
    serve(shown);

    const { wrapper } = await mountAt(`/sites/${shown.id}`);

    expect(wrapper.get('h1').text()).toBe(shown.name);
    const rows = described(wrapper);
    expect(rows.kind).toEqual(['网点类型', '辅助性就业机构']);
    expect(rows.status).toEqual(['状态', '已发布']);
    expect(rows.barrierFree).toEqual(['无障碍设施', '坡道、无障碍电梯']);
    expect(rows.regionCode).toEqual(['所在地区', '吉林省 › 长春市 › 南关区 › 桃源街道']);
    expect(rows['operator.creditCode']![1]).toBe(shown.operator.creditCode);
    expect(rows['attributes.host']).toEqual(['举办主体', 'care-zh']);
    expect(rows['attributes.participants']).toEqual(['辅助性就业人数', '18 人']);
    expect(rows['attributes.categories']).toEqual(['残疾类别', 'visual-zh、intellectual-zh']);
    expect(rows['attributes.projects']).toEqual(['劳动项目', '洗车、烘焙']);
    expect(rows['attributes.rentFree']).toEqual(['免费场地', '否']);
    expect(rows['attributes.income']).toEqual(['月均收入', '未填写']);
    expect(rows.version).toEqual(['版本', '7']);
    expect(rows.updatedAt![1]).toMatch(/2025/);
    expect(wrapper.get('[data-testid="edit-site"]').attributes('href')).toBe(`/sites/${shown.id}/edit`);
    expect(document.title).toBe(`${shown.name} – 残疾人就业服务网点`);

    setLocale('en');
    await flushPromises();
    const english = described(wrapper);
    expect(english['attributes.rentFree']).toEqual(['EN 免费场地', 'No']);
    expect(english['attributes.participants']).toEqual(['EN 辅助性就业人数', '18 persons']);
    expect(english.status).toEqual(['Status', 'Approved']);
  });

  it('says when the site does not exist', async () => {
    const api = fakeApi();
    api.on('GET', '/site-kinds', () => jsonResponse({ items: [] }));
    const missing = site();
    const { wrapper } = await mountAt(`/sites/${missing.id}`);
    expect(wrapper.get('h1').text()).toBe('未找到网点');
    expect(wrapper.get('[role="alert"]').text()).toContain(missing.id);
  });

  it('shows a badge beside the status when the licence has expired or expires within 90 days, none while it is valid', async () => {
    const expired = site({ status: 'approved', licence: { expiresOn: '2026-01-31', state: 'expired', daysLeft: -3 } });
    serve(expired);
    const { wrapper } = await mountAt(`/sites/${expired.id}`);
    const badge = wrapper.get('[data-testid="site-licence"]');
    expect(badge.attributes('data-state')).toBe('expired');
    expect(badge.text()).toContain('执业许可证已于 2026-01-31 过期');

    const expiring = site({ status: 'approved', licence: { expiresOn: '2026-03-31', state: 'expiring', daysLeft: 30 } });
    serve(expiring);
    const second = await mountAt(`/sites/${expiring.id}`);
    expect(second.wrapper.get('[data-testid="site-licence"]').text()).toContain('还有 30 天');

    const valid = site({ status: 'approved', licence: { expiresOn: '2028-06-30', state: 'valid', daysLeft: 900 } });
    serve(valid);
    const third = await mountAt(`/sites/${valid.id}`);
    expect(third.wrapper.find('[data-testid="site-licence"]').exists()).toBe(false);
  });
});
