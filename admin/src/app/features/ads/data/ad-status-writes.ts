import { Injectable, inject } from '@angular/core';
import { AdObjectLevel, BulkStatusResult, MetaAdDto, MetaAdSetDto, MetaCampaignDto } from '@legeai/contracts';
import { Observable, tap } from 'rxjs';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { Notifier } from '../../../core/errors/notifier';
import { AdsApi } from './ads-api';
import { IdempotencyKeys } from './idempotency';

type AdObject = MetaCampaignDto | MetaAdSetDto | MetaAdDto;
export type TargetStatus = 'ACTIVE' | 'PAUSED';

/**
 * Pause and resume, for one object or many, as user actions: each action has its idempotency key, and flipping the
 * same switch the same way again after a failure sends that key again (the first attempt may have reached Meta).
 * Failures are told in the snack bar; callers put their switches back.
 */
@Injectable({ providedIn: 'root' })
export class AdStatusWrites {
  private readonly api = inject(AdsApi);
  private readonly notifier = inject(Notifier);
  private readonly keys = new IdempotencyKeys();

  setStatus<T extends AdObject>(level: AdObjectLevel, object: T, status: TargetStatus): Observable<T> {
    const action = `status:${level}:${object.id}`;
    const changes = { status };
    return this.api.update<T>(level, object.id, changes, this.keys.keyFor(action, changes)).pipe(
      tap({
        next: () => this.keys.settle(action),
        error: (error: unknown) => this.notifier.error(`${object.name} could not be ${verb(status)}: ${httpErrorMessage(error)}`),
      }),
    );
  }

  /** The ids are the objects' local ids; the results say which changed, and the snack bar how many did not. */
  setStatusOfMany(level: AdObjectLevel, ids: string[], status: TargetStatus): Observable<BulkStatusResult> {
    const request = { level, ids: [...ids].sort(), status };
    const action = `bulk:${level}`;
    return this.api.bulkStatus(request, this.keys.keyFor(action, request)).pipe(
      tap({
        next: (result) => {
          this.keys.settle(action);
          const failed = result.results.filter((r) => !r.ok);
          const done = result.results.length - failed.length;
          if (failed.length === 0) {
            this.notifier.info(`${done} ${noun(level, done)} ${verb(status)}.`);
          } else {
            const reasons = [...new Set(failed.map((r) => r.error).filter(Boolean))].join('; ');
            this.notifier.error(`${done} ${verb(status)}, ${failed.length} not${reasons ? `: ${reasons}` : '.'}`);
          }
        },
        error: (error: unknown) => this.notifier.error(`Nothing was ${verb(status)}: ${httpErrorMessage(error)}`),
      }),
    );
  }
}

const NOUNS: Record<AdObjectLevel, [string, string]> = {
  campaign: ['campaign', 'campaigns'],
  adset: ['ad set', 'ad sets'],
  ad: ['ad', 'ads'],
};

function noun(level: AdObjectLevel, count: number): string {
  return NOUNS[level][count === 1 ? 0 : 1];
}

function verb(status: TargetStatus): string {
  return status === 'ACTIVE' ? 'resumed' : 'paused';
}
