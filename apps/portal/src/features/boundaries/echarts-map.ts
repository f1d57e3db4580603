import * as echarts from 'echarts/core';
import type { BoundaryCollection } from './api';

/**
 * What the maps and charts drawn with ECharts share (coverage/charts.ts, sites/map-chart.ts, each
 * of which registers the chart types it uses with `echarts.use` and is the module tests replace):
 * registering boundaries as a map once, and a chart on an element with its update/resize/dispose.
 */

const registered = new Set<string>();

/** Registers boundary polygons under a name once (ECharts keeps maps globally). */
export function registerMapOnce(name: string, polygons: BoundaryCollection): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, polygons as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}

export interface EChart {
  /** Replaces the whole option (no merging with the previous one). */
  update(option: Record<string, unknown>): void;
  resize(): void;
  dispose(): void;
}

export function createChart(element: HTMLElement, locale: 'ZH' | 'EN'): EChart {
  const chart = echarts.init(element, undefined, { renderer: 'canvas', locale });
  return {
    update: (option) => chart.setOption(option as echarts.EChartsCoreOption, { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
