import { customAttributesMetaModel } from '../metadata/customAttributes';
import { selectAdmins, selectTeams } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { conversationsWithPartsSource } from './polling/sources/conversations';

/** Polling trigger: conversations created, updated, closed or in a state since the last run, optionally with their parts. */
export = { process: pollingTrigger(conversationsWithPartsSource), getMetaModel: customAttributesMetaModel('newOrUpdatedConversations', 'conversation'), selectAdmins, selectTeams };
