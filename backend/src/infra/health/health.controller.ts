import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OPS_ROUTES } from '@legeai/contracts';
import { Public } from '../../common/auth';
import { ApiErrorResponses } from '../../common/swagger/api-error-responses.decorator';
import { toHealthFailure } from './health-report';
import { QueueHealthIndicator } from './queue.health';

const DEPENDENCY_STATES = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
};
const HEALTH_REPORT_SCHEMA = {
  type: 'object',
  properties: { status: { type: 'string', example: 'ok' }, info: DEPENDENCY_STATES, error: DEPENDENCY_STATES, details: DEPENDENCY_STATES },
  example: { status: 'ok', info: {}, error: {}, details: { database: { status: 'up' }, queue: { status: 'up', backend: 'redis' } } },
};

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
  // Terminus' own Swagger entry describes its report as the 503 body too; here a 503 is the error envelope.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and readiness: the database and the queue backend answer' })
  @ApiOkResponse({ description: "Everything is up: Terminus' report", schema: HEALTH_REPORT_SCHEMA })
  @ApiErrorResponses(503) // `Down: database`; `details` holds each dependency's `status` (up/down)
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.queue.check('queue')]);
    } catch (error) {
      throw toHealthFailure(error);
    }
  }
}
