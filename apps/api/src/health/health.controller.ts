import { Controller, Get, HttpStatus, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Health, Liveness } from '@sitenet/domain';
import { healthSchema, livenessSchema } from '@sitenet/domain/schemas';
import { Public } from '../common/access.js';
import { isEmbedded } from '../database/data-source.js';
import { DatabaseOutage } from '../common/database-outage.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly outage?: DatabaseOutage,
  ) {}

  @Get('live')
  @Public('Liveness for orchestrators: the process answers; reveals nothing.')
  @ApiOperation({ summary: 'Is the process alive? (does not touch the database; for liveness probes)' })
  @ApiOkResponse({ standardSchema: livenessSchema })
  live(): Liveness {
    return { status: 'ok' };
  }

  @Get()
  @Public('Liveness and readiness for operators and orchestrators; reveals no data.')
  @ApiOperation({ summary: 'Is the API up and its database reachable? (readiness)' })
  @ApiOkResponse({ standardSchema: healthSchema })
  @ApiServiceUnavailableResponse({ standardSchema: healthSchema })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const engine = isEmbedded(this.dataSource) ? 'pglite' : 'postgres';
    try {
      await this.dataSource.query('SELECT 1');
      // Requests are failing for want of resources (disk full …) though SELECT 1 still works: not ready.
      if (this.outage?.isDown) throw new Error('database outage reported by requests');
      return { status: 'ok', database: 'up', engine };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down', engine };
    }
  }
}
