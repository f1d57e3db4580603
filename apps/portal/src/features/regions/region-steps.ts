import type { RegionSummary } from '@sitenet/domain';
import { computed, type Ref, ref, shallowRef } from 'vue';

/** One select of a row of region selects: the units it offers and the one chosen ('' for none). */
export interface RegionStep {
  options: RegionSummary[];
  selected: string;
}

/**
 * The state behind a row of region selects, one per level (regions/RegionCascade and
 * coverage/RegionScopePicker): the steps, whether a load runs, and its failure. Only the latest
 * load counts: an older one's result and failure are dropped, so moving quickly through a select
 * never shows a level that belongs to an earlier choice.
 */
export function useRegionSteps<S extends RegionStep>(maxLevel: () => number) {
  const steps = ref([]) as Ref<S[]>;
  const loading = ref(false);
  /** What the latest load threw (null: it did not fail). */
  const failure = shallowRef<{ caught: unknown } | null>(null);
  let generation = 0;

  /** The deepest unit chosen (null: none). */
  const deepest = computed(() => {
    for (let index = steps.value.length - 1; index >= 0; index--) {
      const selected = steps.value[index]!.selected;
      if (selected) return selected;
    }
    return null;
  });

  /** Whether a chosen unit gets a select for its children. */
  function opensNext(region: RegionSummary | undefined): boolean {
    return !!region && region.level < maxLevel() && region.childCount > 0;
  }

  /** Runs `work` as the latest load; `apply` gets its result only if no later load has started. */
  async function load<T>(work: () => Promise<T>, apply: (result: T) => void): Promise<void> {
    const current = ++generation;
    loading.value = true;
    failure.value = null;
    try {
      const result = await work();
      if (current === generation) apply(result);
    } catch (caught) {
      if (current === generation) failure.value = { caught };
    } finally {
      if (current === generation) loading.value = false;
    }
  }

  /**
   * Chooses `code` in the select at `index`: the selects below it go, and when the unit opens a
   * next level, `stepBelow` loads the select for its children (shown when it offers any).
   */
  async function choose(index: number, code: string, stepBelow: (code: string) => Promise<S>): Promise<void> {
    const kept = steps.value.slice(0, index + 1);
    kept[index] = { ...kept[index]!, selected: code };
    steps.value = kept;
    const region = kept[index].options.find((option) => option.code === code);
    if (!opensNext(region)) {
      generation += 1; // a load still running belongs to an earlier choice
      loading.value = false;
      return;
    }
    await load(
      () => stepBelow(code),
      (next) => {
        if (next.options.length > 0) steps.value = [...kept, next];
      },
    );
  }

  return { steps, loading, failure, deepest, opensNext, load, choose };
}
