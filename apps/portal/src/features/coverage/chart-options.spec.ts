import { describe, expect, it } from 'vitest';
import { bandOf, buildChoroplethOption, buildTrendOption, COUNT_BANDS } from './chart-options';

describe('choropleth option', () => {
  it('puts every count in one band, zero in its own hatched one', () => {
    expect([0, 1, 2, 3, 4, 40].map((count) => bandOf(count).key)).toEqual(['none', 'one', 'few', 'few', 'many', 'many']);
    expect(COUNT_BANDS.filter((band) => band.decal).map((band) => band.key)).toEqual(['none']);
  });

  it('joins units on their code, draws one scatter per kind with its marker and escapes tooltips', () => {
    const option = buildChoroplethOption({
      mapName: 'coverage-220000',
      units: [
        { code: '220102', name: '南关区', count: 0 },
        { code: '220122', name: '<农安县>', count: 3 },
      ],
      pointSeries: [
        { id: 'workshop', name: '辅助性就业机构网点', marker: { symbol: 'rect', color: '#8250df' }, points: [{ id: 's1', name: '甲', lat: 43.9, lng: 125.3 }] },
        { id: 'base', name: '孵化基地网点', marker: { symbol: 'star', color: '#1a7f37' }, points: [] },
      ],
      borderLines: [],
      description: '地图说明',
      unitTooltip: (unit) => `${unit.name}：${unit.count} 个`,
    });
    const [map, , workshop, base] = option.series as Array<Record<string, unknown>>;
    expect(map).toMatchObject({ type: 'map', nameProperty: 'code', map: 'coverage-220000' });
    expect(option.geo).toMatchObject({ map: 'coverage-220000', nameProperty: 'code', silent: true });
    expect(workshop).toMatchObject({ type: 'scatter', coordinateSystem: 'geo', symbol: 'rect', itemStyle: { color: '#8250df' }, data: [{ id: 's1', value: [125.3, 43.9] }] });
    expect(base).toMatchObject({ symbol: 'circle' }); // an unknown symbol falls back to a circle
    expect(option.aria).toEqual({ enabled: true, label: { description: '地图说明' } });
    expect(option.tooltip.formatter({ seriesType: 'map', name: '220122' })).toBe('&#60;农安县&#62;：3 个');
  });
});

describe('trend option', () => {
  it('stacks one bar series per kind and turns on aria patterns', () => {
    const option = buildTrendOption({
      months: ['2026年1月', '2026年2月'],
      series: [
        { code: 'workshop', name: '辅助性就业机构', color: '#8250df', values: [1, 0] },
        { code: 'base', name: '孵化基地', color: '#1a7f37', values: [2, 1] },
      ],
      description: '趋势说明',
    });
    expect(option.series.map((series) => [series.stack, series.data])).toEqual([
      ['approved', [1, 0]],
      ['approved', [2, 1]],
    ]);
    expect(option.aria).toEqual({ enabled: true, decal: { show: true }, label: { description: '趋势说明' } });
    expect(option.xAxis.data).toEqual(['2026年1月', '2026年2月']);
  });
});
