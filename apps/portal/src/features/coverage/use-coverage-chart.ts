import { nextTick, onBeforeUnmount, onMounted, ref, type Ref, watch, type WatchSource } from 'vue';
import { useI18n } from 'vue-i18n';
import type { CoverageChart } from './charts';

type ChartsModule = typeof import('./charts');

/** One load of the ECharts module for all the page's charts. */
let chartsModule: Promise<ChartsModule> | undefined;
function loadCharts(): Promise<ChartsModule> {
  chartsModule ??= import('./charts');
  chartsModule.catch(() => {
    chartsModule = undefined; // a failed chunk load is tried again on the next draw
  });
  return chartsModule;
}

/**
 * An ECharts chart in `canvas`, drawn from `option()` whenever `sources` change, and started
 * again when the UI language changes (ECharts takes its locale at init); resized with its box and
 * disposed with the component. ECharts is loaded on the first draw (its own chunk); `option()`
 * gets the charts module (to register a map first) and returns null to draw nothing.
 * `failed` turns true when the chart cannot be drawn (no canvas): the tables still say everything.
 */
export function useCoverageChart(canvas: Readonly<Ref<HTMLElement | null>>, option: (charts: ChartsModule) => Record<string, unknown> | null, sources: WatchSource[]) {
  const { locale } = useI18n();
  const failed = ref(false);
  let chart: CoverageChart | null = null;

  function reset(): void {
    chart?.dispose();
    chart = null;
  }

  async function draw(): Promise<void> {
    await nextTick();
    if (!canvas.value) return;
    try {
      const charts = await loadCharts();
      const next = option(charts);
      if (!next || !canvas.value) return;
      chart ??= charts.createCoverageChart(canvas.value, locale.value === 'en' ? 'EN' : 'ZH');
      chart.update(next);
    } catch {
      failed.value = true;
    }
  }

  watch(sources, () => void draw(), { immediate: true });
  watch(locale, () => {
    reset();
    void draw();
  });

  let resizeObserver: ResizeObserver | undefined;
  onMounted(() => {
    if (typeof ResizeObserver === 'undefined' || !canvas.value) return;
    resizeObserver = new ResizeObserver(() => chart?.resize());
    resizeObserver.observe(canvas.value);
  });
  onBeforeUnmount(() => {
    resizeObserver?.disconnect();
    reset();
  });

  return { failed, reset };
}
