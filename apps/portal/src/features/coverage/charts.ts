import { BarChart, LinesChart, MapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { createChart, type EChart, registerMapOnce } from '#/features/boundaries/echarts-map';

/**
 * The coverage module that registers ECharts' chart types (chart creation is
 * boundaries/echarts-map; per chart type: the county choropleth is a `map`
 * series, the points a `scatter` on a transparent `geo`, the trend a stacked `bar`). It is loaded
 * with the dashboard route, so people who never open the dashboard never download it. Tests
 * replace this module (no canvas in happy-dom) and look at the options the builders return.
 */
echarts.use([MapChart, ScatterChart, LinesChart, BarChart, GeoComponent, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type CoverageChart = EChart;
export { createChart as createCoverageChart, registerMapOnce as registerCoverageMap };
