import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { apiErrorSchema, patternText } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { BoundariesService, type BoundaryFile } from './boundaries.service.js';

const geoJsonSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: 'BoundaryCollection', description: 'GeoJSON, WGS-84, simplified from 天地图 (审图号 GS(2024)0650号; show it with the map)' });

// eslint-disable-next-line no-useless-assignment -- used by @Param() below (the rule does not see decorator arguments)
const provinceParams = z.strictObject({
  province: patternText(/^\d{2}$/, { 'zh-CN': '省份应为行政区划代码的前两位数字（如 22）', en: 'The province is the first two digits of its division code (e.g. 22)' }, 2).meta({ description: 'First two digits of the province code', example: '22' }),
});

const PUBLIC_MAP = 'Administrative boundaries are public reference data (天地图, GS(2024)0650号).';

@ApiTags('boundaries')
@Controller('boundaries')
export class BoundariesController {
  constructor(private readonly boundaries: BoundariesService) {}

  @Get('provinces')
  @Public(PUBLIC_MAP)
  @Header('X-Map-Approval', 'GS(2024)0650')
  @ApiOperation({ summary: "Province-level boundaries of China, with the national border lines" })
  @ApiOkResponse({ standardSchema: geoJsonSchema })
  async provinces(@Req() request: Request, @Res() response: Response): Promise<void> {
    send(request, response, await this.boundaries.provinces());
  }

  @Get('counties/:province')
  @Public(PUBLIC_MAP)
  @Header('X-Map-Approval', 'GS(2024)0650')
  @ApiOperation({ summary: 'County-level boundaries inside one province' })
  @ApiOkResponse({ standardSchema: geoJsonSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  async counties(@Param({ schema: provinceParams }) params: { province: string }, @Req() request: Request, @Res() response: Response): Promise<void> {
    send(request, response, await this.boundaries.counties(params.province));
  }
}

function send(request: Request, response: Response, file: BoundaryFile): void {
  response.setHeader('ETag', file.etag);
  response.setHeader('Cache-Control', 'public, max-age=86400');
  if (request.headers['if-none-match'] === file.etag) {
    response.status(304).end();
    return;
  }
  response.type('application/geo+json').send(file.body);
}
