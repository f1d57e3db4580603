import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { createChart, type EChart, registerMapOnce } from '#/features/boundaries/echarts-map';

/**
 * The ECharts entry of the site page's point map (the module tests replace): only the geo
 * component and one scatter series, loaded when a site with a point is shown.
 */
echarts.use([GeoComponent, ScatterChart, CanvasRenderer]);

export type PointMapChart = EChart;
export { createChart as createPointMapChart, registerMapOnce as registerPointMap };
