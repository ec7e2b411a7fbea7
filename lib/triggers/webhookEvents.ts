import { selectAdmins } from '../selectModels';
import { processWebhook } from './webhook/events';

/** Webhook trigger: Intercom notification deliveries, signature-checked, filtered by topic and author, de-duplicated. */
export = { process: processWebhook, selectAdmins };
