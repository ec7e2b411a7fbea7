import { personFromContact } from '../../../oih/mappings/person';
import { presentAs } from '../../../oih/oihRun';
import { pollingTrigger } from '../engine';
import { contactsSource } from './contacts';

/** OIH getPersonsPolling: the contacts trigger's records, each emitted as an OIH Person (or as mapped). */
export const trigger = pollingTrigger({ ...contactsSource, noun: 'person' }, presentAs(personFromContact));
