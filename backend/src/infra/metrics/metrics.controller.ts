import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OPS_ROUTES } from '@legeai/contracts';
import { Public } from '../../common/auth';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. It carries counts and timings, never payloads. Public to the access guard (it takes
 * no API key); who may read it is METRICS_ACCESS, checked by MetricsAccessGuard.
 */
@ApiTags('operations')
@Public()
@UseGuards(MetricsAccessGuard)
@Controller(OPS_ROUTES.metrics)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Access depends on METRICS_ACCESS: `public`; `token` (send `Authorization: Bearer <METRICS_TOKEN>`); `admin` (a console ' +
      "admin's access token as bearer); `off` (404). Unset, it is `token` when METRICS_TOKEN is set, else `off` in production " +
      'and `public` elsewhere.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Metrics in Prometheus text format', schema: { type: 'string' } })
  @ApiErrorResponses(401, 403, 404)
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
