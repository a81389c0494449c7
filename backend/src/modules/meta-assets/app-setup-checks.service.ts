import { Injectable, Logger } from '@nestjs/common';
import type { MetaHealthCheck } from '@legeai/contracts';
import { MetaGraphError } from '../../infra/meta-graph';
import { decideGraphSync, ONE_OFF_CALL, worthRetrying } from '../../infra/meta-sync';
import { MetaTokenVault, type MetaIntegration } from '../meta-auth';
import { ADVERTISE_TASK, appModeCheck, BlockedPage, leadsAccessCheck, pageTasksCheck, UnreadableForm } from './health/setup-problem-rules';
import { MetaAssetsApi } from './meta-assets.api';
import { MetaLeadFormsRepository } from './repositories/meta-lead-forms.repository';
import { MetaPagesRepository } from './repositories/meta-pages.repository';

/** Listing a form's leads to count the readable ones stops here: a form this far behind says enough. */
const READABLE_COUNT_CAP = 5_000;

/**
 * The setup problems of a real Meta app that stop leads on the Pages' side, found with what the Graph API shows
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving): the person (or system user) without
 * the ADVERTISE task on a Page (`/me/accounts` tasks), a Leads Access Manager leaving out the app or the person
 * (`has_lead_access`), and leads Meta counts but does not list while access is open (the app in development mode).
 * Each problem is one health check, present only when found.
 */
@Injectable()
export class AppSetupChecksService {
  private readonly logger = new Logger(AppSetupChecksService.name);

  constructor(
    private readonly pages: MetaPagesRepository,
    private readonly forms: MetaLeadFormsRepository,
    private readonly api: MetaAssetsApi,
    private readonly vault: MetaTokenVault,
  ) {}

  async checks(integration: MetaIntegration): Promise<MetaHealthCheck[]> {
    const orgId = integration.organisationId;
    const tasks = await this.currentTasks(integration);
    const mayBeInDevelopment = await this.mayBeInDevelopment(integration);
    const withoutAdvertise: string[] = [];
    const blocked: BlockedPage[] = [];
    const unreadable: UnreadableForm[] = [];
    for (const page of await this.pages.findActive(orgId)) {
      const name = page.pageName ?? page.pageId;
      const pageTasks = tasks.get(page.pageId) ?? page.tasks;
      if (tasks.has(page.pageId) && pageTasks.join() !== page.tasks.join()) await this.pages.setTasks(page.id, pageTasks);
      if (!pageTasks.includes(ADVERTISE_TASK)) {
        withoutAdvertise.push(name);
        continue;
      }
      const token = this.vault.openPageToken(page);
      if (!token) continue;
      const access = await this.tolerated('lead access', () => this.api.leadAccess(page.pageId, token));
      if (access && access.can_access_lead === false) {
        blocked.push({ page: name, access });
        continue;
      }
      if (!access || !mayBeInDevelopment) continue;
      for (const form of await this.forms.behindMeta(orgId, page.id)) {
        const readable = await this.tolerated('readable leads', () =>
          this.api.readableLeadCount(form.formId, token, page.pageId, READABLE_COUNT_CAP),
        );
        if (readable === null || readable >= READABLE_COUNT_CAP) continue;
        if (form.leadsCount > readable) unreadable.push({ form: form.formName ?? form.formId, unreadable: form.leadsCount - readable });
      }
    }
    const systemUser = integration.tokenType === 'SYSTEM_USER';
    return [
      ...(withoutAdvertise.length ? [pageTasksCheck(withoutAdvertise, systemUser)] : []),
      ...(blocked.length ? [leadsAccessCheck(blocked)] : []),
      ...(unreadable.length ? [appModeCheck(unreadable)] : []),
    ];
  }

  /**
   * In development mode only people with a role on the app can log in: a person's connection made by someone without a
   * role proves the app Live, and the leads are not listed to look for unreadable ones. A system user token says
   * nothing about the person who installed it, so the leads are looked at.
   */
  private async mayBeInDevelopment(integration: MetaIntegration): Promise<boolean> {
    if (integration.tokenType === 'SYSTEM_USER' || !integration.metaUserId) return true;
    const roles = await this.tolerated('app roles', () => this.api.appRoleUserIds());
    return roles === null || roles.has(integration.metaUserId);
  }

  /** The tasks `/me/accounts` lists now, by Page id (the stored ones are as of the last discovery). */
  private async currentTasks(integration: MetaIntegration): Promise<Map<string, string[]>> {
    const token = this.vault.openUserToken(integration);
    if (!token) return new Map();
    const listed = await this.tolerated('pages', () => this.api.pages(token));
    return new Map((listed ?? []).map((page) => [page.id, page.tasks ?? []]));
  }

  /**
   * A refusal that needs a person (a missing permission: the permissions check says so) leaves this part out; a
   * hiccup or a refused token fails the run, as anywhere in the health check.
   */
  private async tolerated<T>(what: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof MetaGraphError)) throw error;
      const decision = decideGraphSync(error, ONE_OFF_CALL);
      if (worthRetrying(decision) || decision.action === 'park') throw error;
      this.logger.warn({ msg: 'Setup check skipped a part', what, reason: error.message });
      return null;
    }
  }
}
