import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { readAccessRule } from '../../src/common/auth/access-rule.metadata';
import { createTestApp, TestApp } from '../utils/create-test-app';

interface RouteInfo {
  controller: string;
  handler: string;
  method: string;
  path: string;
  rule: ReturnType<typeof readAccessRule>;
}

/** Every route handler registered in the AppModule, with the access rule it declares. */
function registeredRoutes(t: TestApp): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const metatype = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '')[0];
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const subPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (subPath === undefined) continue; // a helper method, not a route
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        for (const sub of ([] as string[]).concat(subPath)) {
          routes.push({
            controller: metatype.name,
            handler: name,
            method,
            path: `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
            rule: readAccessRule(handler, metatype),
          });
        }
      }
    }
  }
  return routes;
}

describe('every route declares its access rule (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('finds the identity routes (so the walk itself works)', () => {
    const names = registeredRoutes(t).map((r) => `${r.controller}.${r.handler}`);
    expect(names).toEqual(expect.arrayContaining(['AuthController.login', 'UsersController.update', 'ApiKeysController.revoke']));
  });

  it('has @Public() or @Roles(...) on every handler of the AppModule', () => {
    const undeclared = registeredRoutes(t)
      .filter((r) => !r.rule)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('refuses every non-public route without credentials (401), proving the guard is applied globally', async () => {
    const failures: string[] = [];
    for (const route of registeredRoutes(t)) {
      if (!route.rule || route.rule.public) continue;
      const path = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const url = path.startsWith('/v1/') ? path : `/v1${path}`;
      const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      if (!(verb in t.http)) continue;
      const res = await t.http[verb](url);
      if (res.status !== 401) failures.push(`${route.method} ${url} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
