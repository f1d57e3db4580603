import { Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Locale, SiteKindRegistry } from '@sitenet/domain';
import { apiErrorSchema, coverageReportQuerySchema, siteExportQuerySchema, type CoverageReportQuery, type SiteExportQuery } from '@sitenet/domain/schemas';
import { MEDIA_TYPES, writeCoverageReport } from '@sitenet/spreadsheets';
import { CurrentActor, SignedIn } from '../common/access.js';
import type { Actor } from '../common/actor.js';
import { ApiException } from '../common/api-exception.js';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';
import { CoverageService } from '../coverage/coverage.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { chinaDay, fileNamePart, sendDownload } from '../common/download.js';
import { SiteExportService } from './site-export.service.js';
import { RegionNames } from './region-names.js';

const XLSX = MEDIA_TYPES.xlsx;
const CSV_UTF8 = `${MEDIA_TYPES.csv}; charset=utf-8`;
const CSV_GB18030 = `${MEDIA_TYPES.csv}; charset=gb18030`;
const binary = { schema: { type: 'string', format: 'binary' } } as const;

const WORDS = {
  'zh-CN': { siteList: '网点名单', coverage: '覆盖情况报告', national: '全国' },
  en: { siteList: 'Site list', coverage: 'Coverage report', national: 'China' },
} as const satisfies Record<Locale, Record<string, string>>;

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly siteExport: SiteExportService,
    private readonly coverage: CoverageService,
    private readonly names: RegionNames,
    private readonly regions: RegionsService,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
  ) {}

  @Get('sites')
  @SignedIn()
  @ApiOperation({
    summary:
      'Download the site list as .xlsx (one sheet per kind) or .csv (one table: 网点类型 plus every kind’s columns; UTF-8 with a BOM, or GB18030 for older Excel). Same filters and jurisdiction as GET /api/sites, without paging; at most 200,000 sites.',
  })
  @ApiProduces(XLSX, CSV_UTF8, CSV_GB18030)
  @ApiOkResponse({ description: 'The file, as an attachment', content: { [XLSX]: binary, [CSV_UTF8]: binary, [CSV_GB18030]: binary } })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  async sites(@CurrentActor() actor: Actor, @Query({ schema: siteExportQuerySchema }) query: SiteExportQuery, @Res() response: Response): Promise<void> {
    // Refused before any byte: a kind not installed (else an xlsx with a blank sheet) and a region
    // outside the jurisdiction (else an empty file named after it), as the coverage report does.
    const unknown = (query.kind ?? []).filter((code) => !this.kinds.get(code));
    if (unknown.length) {
      const messages = {
        'zh-CN': `未知的网点类型：${unknown.join('、')}；可用的类型：${this.kinds.codes.join('、')}`,
        en: `Unknown site kind: ${unknown.join(', ')}; the kinds are: ${this.kinds.codes.join(', ')}`,
      };
      throw new ApiException(400, 'export.unknown_kind', messages, [{ path: 'query.kind', code: 'export.unknown_kind', messages }]);
    }
    const plan = await this.siteExport.plan(query, actor.scope); // an unknown region: the list's 400
    if (query.region) await this.regions.visible(query.region, actor.scope);
    const words = WORDS[query.lang];
    const generatedAt = new Date();
    const regionCode = query.region ?? actor.regionCode;
    const regionName = regionCode ? await this.names.fullName(regionCode) : words.national;
    const day = chinaDay(generatedAt);
    const extension = query.format;
    await sendDownload(
      response,
      {
        name: `${words.siteList}-${fileNamePart(regionName)}-${day}.${extension}`,
        asciiName: `sites-${regionCode ?? 'all'}-${day}.${extension}`,
        contentType: query.format === 'xlsx' ? XLSX : query.encoding === 'gb18030' ? CSV_GB18030 : CSV_UTF8,
      },
      this.logger,
      (out) => this.siteExport.write(this.siteExport.writerFor(out, query, { title: words.siteList, region: regionName, generatedAt }), plan, query, actor.scope),
      this.siteExport.idleTimeoutMs,
    );
  }

  @Get('coverage')
  @SignedIn()
  @ApiOperation({ summary: 'Download the coverage report of a region in your jurisdiction (default: your unit) as .xlsx: a summary of every target, the units short of each, and the units × kinds matrix' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The report, as an attachment', content: { [XLSX]: binary } })
  @ApiBadRequestResponse({ standardSchema: apiErrorSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  async coverageReport(@CurrentActor() actor: Actor, @Query({ schema: coverageReportQuerySchema }) query: CoverageReportQuery, @Res() response: Response): Promise<void> {
    const regionCode = query.region ?? actor.regionCode;
    if (!regionCode) {
      throw new ApiException(400, 'export.region_required', { 'zh-CN': '请指定要生成报告的行政区划（region）。', en: 'Name the region to report on (region).' }, [
        { path: 'query.region', code: 'export.region_required', messages: { 'zh-CN': '请指定行政区划代码', en: 'Give a division code' } },
      ]);
    }
    // Both read before the first byte: a region outside the jurisdiction is the coverage endpoints' 404.
    const generatedAt = new Date();
    const coverage = await this.coverage.coverage(regionCode, actor.scope, query.asOf ?? generatedAt);
    const level = Math.min(4, Math.max(3, coverage.region.level + 1)) as 3 | 4;
    const matrix = await this.coverage.matrix(regionCode, level, actor.scope, query.asOf);
    const words = WORDS[query.lang];
    const regionName = await this.names.fullName(regionCode);
    const day = query.asOf ?? chinaDay(generatedAt);
    const kindNames = Object.fromEntries(this.kinds.all.map((kind) => [kind.code, kind.labels]));
    await sendDownload(
      response,
      { name: `${words.coverage}-${fileNamePart(regionName)}-${day}.xlsx`, asciiName: `coverage-${regionCode}-${day}.xlsx`, contentType: XLSX },
      this.logger,
      (out) => writeCoverageReport(out, { coverage, matrix, regionName, generatedAt, locale: query.lang, kindNames, ...(query.asOf ? { asOf: query.asOf } : {}) }),
    );
  }
}
