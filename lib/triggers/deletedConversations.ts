import { pollingTrigger } from './polling/engine';
import { deletedConversationsSource } from './polling/sources/deletedConversations';

/** Polling trigger: ids of conversations deleted since the last run. */
export = { process: pollingTrigger(deletedConversationsSource) };
