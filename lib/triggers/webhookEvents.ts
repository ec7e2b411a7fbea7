import { processWebhook } from './webhook/events';

/** Webhook trigger: Intercom notification deliveries, signature-checked, filtered by topic, de-duplicated. */
export = { process: processWebhook };
