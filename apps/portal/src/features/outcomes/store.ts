import type { OutcomeIndicatorView, Periodicity } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { useRequest } from '#/ui/request';
import { fetchIndicators } from './api';

/** The outcome indicators (GET /api/outcome-indicators), loaded once per session: the report form is generated from them. */
export const useOutcomeIndicatorsStore = defineStore('outcome-indicators', () => {
  const indicators = shallowRef<OutcomeIndicatorView[]>([]);
  const { status, error, ensure, run } = useRequest();

  function ensureLoaded(): Promise<void> {
    return ensure((signal) => fetchIndicators({ signal }), (items) => {
      indicators.value = items;
    });
  }

  function reload(): Promise<void> {
    return run((signal) => fetchIndicators({ signal }), (items) => {
      indicators.value = items;
    });
  }

  /** The indicators of a periodicity, in form order; when a report names its keys, those, in its order. */
  function forPeriod(periodicity: Periodicity, keys?: readonly string[]): OutcomeIndicatorView[] {
    if (keys && keys.length > 0) return keys.flatMap((key) => indicators.value.filter((indicator) => indicator.key === key));
    return indicators.value.filter((indicator) => indicator.periodicity === periodicity);
  }

  return { indicators, status, error, ensureLoaded, reload, forPeriod };
});
