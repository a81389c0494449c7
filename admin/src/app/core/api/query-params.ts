import { HttpParams } from '@angular/common/http';

/**
 * A typed query (e.g. `LeadListQuery`) as URL parameters, with only the parameters that are set, so the server applies
 * its own defaults to the rest.
 */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}
