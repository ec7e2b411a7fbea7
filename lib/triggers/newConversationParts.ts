import { selectAdmins } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { conversationPartsSource } from './polling/sources/conversationParts';

/** Polling trigger: each new conversation part (reply, note, assignment …) once, with its conversation id. */
export = { process: pollingTrigger(conversationPartsSource), selectAdmins };
