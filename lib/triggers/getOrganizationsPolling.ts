import { organizationFromCompany } from '../oih/mappings/organization';
import { presentAs } from '../oih/run';
import { pollingTrigger } from './polling/engine';
import { companiesSource } from './polling/sources';

/** OIH getOrganizationsPolling: the companies trigger's records, each emitted as an OIH Organization (or as mapped). */
export = { process: pollingTrigger({ ...companiesSource, key: 'getOrganizationsPolling', noun: 'organization' }, presentAs(organizationFromCompany)) };
