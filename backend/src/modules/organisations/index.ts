/** Organisations: what other modules may use of them. */
export { OrganisationsModule } from './organisations.module';
export { OrganisationsService } from './organisations.service';
export { Organisation } from './entities/organisation.entity';
export { OrganisationStateListeners, type OrganisationStateListener } from './organisation-state-listeners';
export { organisationSuspendedSql } from './organisation-state.sql';
