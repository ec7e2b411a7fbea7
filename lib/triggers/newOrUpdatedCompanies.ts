import { customAttributesMetaModel } from '../metadata/customAttributes';
import { pollingTrigger } from './polling/engine';
import { companiesSource } from './polling/sources/companies';

/** Polling trigger: companies created (or updated) since the last run, found with the scroll API. */
export = { process: pollingTrigger(companiesSource), getMetaModel: customAttributesMetaModel('newOrUpdatedCompanies', 'company') };
