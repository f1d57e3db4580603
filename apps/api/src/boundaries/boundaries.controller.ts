import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { apiErrorSchema, boundaryCollectionSchema, boundaryProvinceParamsSchema } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { BoundariesService, type BoundaryFile } from './boundaries.service.js';

const PUBLIC_MAP = 'Administrative boundaries are public reference data (天地图, GS(2024)0650号).';

@ApiTags('boundaries')
@Controller('boundaries')
export class BoundariesController {
  constructor(private readonly boundaries: BoundariesService) {}

  @Get('provinces')
  @Public(PUBLIC_MAP)
  @Header('X-Map-Approval', 'GS(2024)0650')
  @ApiOperation({ summary: "Province-level boundaries of China, with the national border lines" })
  @ApiOkResponse({ standardSchema: boundaryCollectionSchema })
  async provinces(@Req() request: Request, @Res() response: Response): Promise<void> {
    send(request, response, await this.boundaries.provinces());
  }

  @Get('counties/:province')
  @Public(PUBLIC_MAP)
  @Header('X-Map-Approval', 'GS(2024)0650')
  @ApiOperation({ summary: 'County-level boundaries inside one province' })
  @ApiOkResponse({ standardSchema: boundaryCollectionSchema })
  @ApiNotFoundResponse({ standardSchema: apiErrorSchema })
  async counties(@Param({ schema: boundaryProvinceParamsSchema }) params: { province: string }, @Req() request: Request, @Res() response: Response): Promise<void> {
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
