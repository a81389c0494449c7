import 'reflect-metadata';

const QUERY_MAPS = Symbol('queryMaps');

/** Limits of a query map: how many `prefix.<name>` parameters, how long a name. */
const MAX_ENTRIES = 20;
const NAME = /^[A-Za-z0-9_]{1,60}$/;

/**
 * On a query class: gathers the parameters `<prefix>.<name>=value` into `property` as `{ name: value }` before
 * validation (the global pipe would otherwise refuse them as unknown properties), e.g. `field.vehicle_year=2021` on
 * the leads list. A name that is not letters, digits and underscores, a repeated parameter or more than 20 of them is
 * a 400. Put it on each class used as a query (mapped types such as IntersectionType do not copy it).
 */
export function QueryMap(prefix: string, property: string): ClassDecorator {
  return (target) => {
    const maps = (Reflect.getOwnMetadata(QUERY_MAPS, target) as Record<string, string> | undefined) ?? {};
    Reflect.defineMetadata(QUERY_MAPS, { ...maps, [prefix]: property }, target);
  };
}

export interface FoldedQuery {
  value: unknown;
  errors: { field: string; messages: string[] }[];
}

/** The query with each declared map's parameters moved into its property; unchanged when the class declares none. */
export function foldQueryMaps(metatype: unknown, query: unknown): FoldedQuery {
  const maps =
    typeof metatype === 'function' ? (Reflect.getOwnMetadata(QUERY_MAPS, metatype) as Record<string, string> | undefined) : undefined;
  if (!maps || !query || typeof query !== 'object') return { value: query, errors: [] };
  const rest: Record<string, unknown> = {};
  const errors: FoldedQuery['errors'] = [];
  const gathered: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    const dot = key.indexOf('.');
    const property = dot > 0 ? maps[key.slice(0, dot)] : undefined;
    if (!property) {
      rest[key] = value;
      continue;
    }
    const name = key.slice(dot + 1);
    const into = (gathered[property] ??= {});
    if (!NAME.test(name))
      errors.push({ field: key, messages: [`${key}: the name after "${key.slice(0, dot)}." must be letters, digits and underscores`] });
    else if (typeof value !== 'string') errors.push({ field: key, messages: [`${key} must be given once`] });
    else if (Object.keys(into).length >= MAX_ENTRIES)
      errors.push({ field: key, messages: [`at most ${MAX_ENTRIES} ${key.slice(0, dot)}.* filters`] });
    else into[name] = value;
  }
  return { value: { ...rest, ...gathered }, errors };
}
