import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MetaLeadFormsRepository } from '../../meta-assets';

/** How often the collected counts are written. */
export const FORM_COUNT_FLUSH_MS = 1_000;

/**
 * Keeps `meta_lead_forms.leads_stored` moving as leads are stored, without a write per lead. A burst of leads all
 * belongs to one or two forms, so bumping the form's row inside every storing transaction made every concurrent
 * lead of that form queue on one row lock held through its commit (a disk flush). Instead the stored leads are
 * counted here and added once a second, one statement for all forms. A bump lost to a crash between a commit and the
 * next flush leaves the count short by those leads; Meta's own number is `leads_count`, kept apart.
 */
@Injectable()
export class FormLeadCounts implements OnModuleDestroy {
  private readonly logger = new Logger(FormLeadCounts.name);
  private pending = new Map<string, { organisationId: string; formId: string; n: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly forms: MetaLeadFormsRepository) {}

  /** One more lead stored for the form (call after the lead's transaction committed). */
  add(organisationId: string, formId: string): void {
    const key = `${organisationId}\u0000${formId}`;
    const entry = this.pending.get(key);
    if (entry) entry.n++;
    else this.pending.set(key, { organisationId, formId, n: 1 });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FORM_COUNT_FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what was collected; answers how many forms were bumped. */
  async flush(): Promise<number> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    if (entries.length === 0) return 0;
    try {
      await this.forms.addLeadCounts(entries);
    } catch (error) {
      // A display count: the next asset refresh sets it from Meta again.
      this.logger.warn(
        { forms: entries.length, error: error instanceof Error ? error.message : String(error) },
        'Could not bump form lead counts',
      );
    }
    return entries.length;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}
