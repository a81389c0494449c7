import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OPS_ROUTES } from '@legeai/contracts';
import { Public } from '../../common/auth';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('operations')
@Public()
@Controller(OPS_ROUTES.health)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: the database and the queue backend answer' })
  @ApiOkResponse({ description: 'Everything is up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down (Terminus report in the body)' })
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.queue.check('queue')]);
  }
}
