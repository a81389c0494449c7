import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { LeadPipelineSummaryDto, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

/** The Overview's lead pipeline numbers, in the browser's time zone. */
@Injectable({ providedIn: 'root' })
export class PipelineSummaryApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.leadPipelineSummary}`;

  get(timezone = Intl.DateTimeFormat().resolvedOptions().timeZone): Observable<LeadPipelineSummaryDto> {
    return this.http.get<LeadPipelineSummaryDto>(this.url, { params: { tz: timezone }, context: showsOwnErrors() });
  }
}
