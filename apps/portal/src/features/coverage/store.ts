import type { RegionDetail } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useKindsStore } from '#/features/kinds/store';
import { useOutcomeIndicatorsStore } from '#/features/outcomes/store';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { type RequestStatus, useRequest } from '#/ui/request';
import { countApprovedSites, type CoverageMatrix, type CoverageResponse, type CoverageTrend, fetchCoverage, fetchCoverageMatrix, fetchCoverageTrend, type MatrixRow } from './api';
import { isOutcomeResult } from './order';
import { levelOfCode } from './scope';

export type DashboardStatus = RequestStatus;

/**
 * The matrix rows of a county: the matrix endpoint lists units *under* a region, so a county's
 * own counts come from the site list's per-kind counts.
 */
async function countyRows(region: RegionDetail | null, code: string, kinds: string[], signal: AbortSignal): Promise<MatrixRow[]> {
  const response = await countApprovedSites(code, { signal });
  const counts = Object.fromEntries(kinds.map((kind) => [kind, response.countsByKind[kind] ?? 0]));
  return [
    {
      code,
      name: region?.name ?? code,
      type: region?.type ?? 'county',
      statisticalOnly: region?.statisticalOnly ?? false,
      counts,
      total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    },
  ];
}

/**
 * What the coverage dashboard shows for one region: the targets' results, approved sites per
 * county and kind, and approvals per month — now, or as they stood at the end of a past day
 * (`asOf`, YYYY-MM-DD). `load` replaces it (a newer load wins over an older one still running);
 * `refresh` loads the same region and day again.
 */
export const useCoverageStore = defineStore('coverage', () => {
  const region = ref<string | null>(null);
  /** The day asked about; null: now. */
  const asOf = ref<string | null>(null);
  const coverage = shallowRef<CoverageResponse | null>(null);
  const matrix = shallowRef<CoverageMatrix | null>(null);
  const trend = shallowRef<CoverageTrend | null>(null);
  const { status, error, run, cancel } = useRequest();
  /** When the data on screen arrived (the page's own clock). */
  const updatedAt = ref<Date | null>(null);

  function load(code: string, day: string | null = null): Promise<void> {
    if (region.value !== code) {
      coverage.value = null;
      matrix.value = null;
      trend.value = null;
    }
    region.value = code;
    asOf.value = day;
    const kinds = useKindsStore();
    const lookup = useRegionLookupStore();
    const indicators = useOutcomeIndicatorsStore();
    return run(
      async (signal) => {
        const level = levelOfCode(code);
        const [coverageResponse, trendResponse] = await Promise.all([
          fetchCoverage(code, day, { signal }),
          fetchCoverageTrend(code, day, undefined, { signal }),
          kinds.ensureLoaded(),
          lookup.ensure([code]),
        ]);
        // A county's own row: from today's site counts, or from the matrix (which lists the
        // region itself at its own level) as of a past day, which the site list cannot tell.
        const matrixResponse: CoverageMatrix =
          level === 3 && !day
            ? { region: coverageResponse.region, level: 3, kinds: trendResponse.kinds, rows: await countyRows(lookup.detailOf(code), code, trendResponse.kinds, signal) }
            : await fetchCoverageMatrix(code, 3, day, { signal });
        // Names of the units targets come from ("继承自 吉林省"), and of the indicators outcome targets read.
        await Promise.all([
          lookup.ensure(coverageResponse.results.map((result) => result.target.regionCode)),
          coverageResponse.results.some(isOutcomeResult) ? indicators.ensureLoaded() : undefined,
        ]);
        return { coverageResponse, trendResponse, matrixResponse };
      },
      ({ coverageResponse, trendResponse, matrixResponse }) => {
        coverage.value = coverageResponse;
        trend.value = trendResponse;
        matrix.value = matrixResponse;
        updatedAt.value = new Date();
      },
    );
  }

  function refresh(): Promise<void> {
    return region.value ? load(region.value, asOf.value) : Promise.resolve();
  }

  return { region, asOf, coverage, matrix, trend, status, error, updatedAt, load, refresh, cancel };
});
