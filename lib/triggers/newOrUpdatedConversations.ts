import { customAttributesMetaModel } from '../metadata/customAttributes';
import { selectAdmins, selectTeams } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { conversationsSource } from './polling/sources';

/** Polling trigger: conversations created, updated, closed or in a state since the last run. */
export = { process: pollingTrigger(conversationsSource), getMetaModel: customAttributesMetaModel('newOrUpdatedConversations', 'conversation'), selectAdmins, selectTeams };
