/** Organisations: what other modules may use of them. */
export { OrganisationsModule } from './organisations.module';
export { OrganisationsService } from './organisations.service';
