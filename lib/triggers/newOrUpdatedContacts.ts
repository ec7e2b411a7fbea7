import { customAttributesMetaModel } from '../metadata/customAttributes';
import { selectTags } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { contactsSource } from './polling/sources/contacts';

/** Polling trigger: contacts created (or updated) since the last run. Select models are served from here. */
export = { process: pollingTrigger(contactsSource), getMetaModel: customAttributesMetaModel('newOrUpdatedContacts', 'contact'), selectTags };
