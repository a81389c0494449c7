import { SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_KEY } from './access-rule.metadata';

/** Marks a handler (or controller) as reachable without credentials. Everything else needs `@Roles(...)`. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
