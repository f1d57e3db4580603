import { LinesChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { createChart, type EChart, registerMapOnce } from '#/features/boundaries/echarts-map';

/**
 * The site map's ECharts entry: it registers the chart types the map uses (so the bundle carries
 * only those; chart creation is boundaries/echarts-map) and is loaded with the map route. Boundaries come from our API, never from tile servers.
 */
echarts.use([GeoComponent, ScatterChart, LinesChart, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type MapChart = EChart;
export { createChart as createMapChart, registerMapOnce as registerBoundaries };
