import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OPS_ROUTES } from '@legeai/contracts';
import { Public } from '../../common/auth';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { toHealthFailure } from './health-report';
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
  @ApiOkResponse({ description: "Everything is up (Terminus' report: `details.database`, `details.queue`)" })
  @ApiErrorResponses(503)
  async check(): Promise<HealthCheckResult> {
    // A failure answers the envelope: `Down: database` and, in `details`, each dependency's `status` (`up`/`down`).
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.queue.check('queue')]);
    } catch (error) {
      throw toHealthFailure(error);
    }
  }
}
