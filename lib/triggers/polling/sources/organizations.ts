import { organizationFromCompany } from '../../../oih/mappings/organization';
import { presentAs } from '../../../oih/oihRun';
import { pollingTrigger } from '../engine';
import { companiesSource } from './companies';

/** OIH getOrganizationsPolling: the companies trigger's records, each emitted as an OIH Organization (or as mapped). */
export const trigger = pollingTrigger({ ...companiesSource, noun: 'organization' }, presentAs(organizationFromCompany));
