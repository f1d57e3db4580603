import type { GeoPoint } from '@sitenet/domain';
import { ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GraphicComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { registerMapOnce } from '#/features/boundaries/echarts-map';

/**
 * The location picker's ECharts glue (the module tests replace; loaded only when the map is opened):
 * a click or tap on the map places the point; the point is a draggable graphic (ECharts' roam
 * leaves draggable elements alone, so dragging it moves the point, dragging elsewhere pans), put
 * back at its coordinates after every pan, zoom and resize.
 */
echarts.use([GeoComponent, ScatterChart, GraphicComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export { registerMapOnce as registerPickerMap };

export interface PickerChart {
  /** Replaces the map's option (no merging with the previous one); the point is drawn again. */
  update(option: Record<string, unknown>): void;
  /** Draws the chosen point (null: none). */
  showPoint(point: GeoPoint | null): void;
  resize(): void;
  dispose(): void;
}

const MARKER_ID = 'chosen-point';

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function createPickerChart(element: HTMLElement, locale: 'ZH' | 'EN', place: (point: GeoPoint) => void): PickerChart {
  const chart = echarts.init(element, undefined, { renderer: 'canvas', locale });
  let point: GeoPoint | null = null;
  /** Whether the marker is on the chart (ECharts fails on removing a graphic it does not have). */
  let marked = false;

  const toPoint = (x: number, y: number): GeoPoint | null => {
    const coords = chart.convertFromPixel({ geoIndex: 0 }, [x, y]) as number[] | undefined;
    if (!coords || !Number.isFinite(coords[0]) || !Number.isFinite(coords[1])) return null;
    return { lat: round6(coords[1]!), lng: round6(coords[0]!) };
  };

  function drawPoint(): void {
    if (!point) {
      if (marked) chart.setOption({ graphic: [{ id: MARKER_ID, $action: 'remove' }] });
      marked = false;
      return;
    }
    const pixel = chart.convertToPixel({ geoIndex: 0 }, [point.lng, point.lat]) as number[] | undefined;
    if (!pixel) return;
    chart.setOption({
      graphic: [
        {
          id: MARKER_ID,
          type: 'circle',
          x: pixel[0],
          y: pixel[1],
          shape: { cx: 0, cy: 0, r: 11 },
          style: { fill: '#a4262c', stroke: '#ffffff', lineWidth: 3 },
          draggable: true,
          cursor: 'move',
          z: 100,
          ondragend(this: { x: number; y: number }) {
            const moved = toPoint(this.x, this.y);
            if (moved) place(moved);
          },
        },
      ],
    });
    marked = true;
  }

  chart.getZr().on('click', (event) => {
    if ((event.target as { draggable?: boolean } | undefined)?.draggable) return;
    const clicked = toPoint(event.offsetX, event.offsetY);
    if (clicked) place(clicked);
  });
  chart.on('georoam', () => {
    setTimeout(drawPoint, 0);
  });

  return {
    update(option) {
      chart.setOption(option as echarts.EChartsCoreOption, { notMerge: true });
      marked = false;
      drawPoint();
    },
    showPoint(next) {
      point = next;
      drawPoint();
    },
    resize() {
      chart.resize();
      drawPoint();
    },
    dispose: () => chart.dispose(),
  };
}
