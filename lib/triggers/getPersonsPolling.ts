import { personFromContact } from '../oih/mappings/person';
import { presentAs } from '../oih/run';
import { selectTags } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { contactsSource } from './polling/sources';

/** OIH getPersonsPolling: the contacts trigger's records, each emitted as an OIH Person (or as mapped). */
export = { process: pollingTrigger({ ...contactsSource, key: 'getPersonsPolling', noun: 'person' }, presentAs(personFromContact)), selectTags };
