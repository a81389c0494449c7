import { Global, Module } from '@nestjs/common';
import { FastRouteRegistry } from './fast-routes';

/** The registry of routes answered in front of Fastify (fast-routes.ts); global, so any module can register one. */
@Global()
@Module({
  providers: [FastRouteRegistry],
  exports: [FastRouteRegistry],
})
export class FastRoutesModule {}
