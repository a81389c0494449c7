export { OrganisationsService } from './organisations.service';
export { OrganisationsModule } from './organisations.module';
