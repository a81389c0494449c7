import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OPS_ROUTES } from '@legeai/contracts';
import { Public } from '../../common/auth';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. Public like /health: it carries counts and timings, never payloads; restrict it at
 * the network edge in deployments that expose the port publicly.
 */
@ApiTags('operations')
@Public()
@Controller(OPS_ROUTES.metrics)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Metrics in Prometheus text format', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
