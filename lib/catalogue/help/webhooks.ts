import type { ResourceHelp } from './types';

/** The webhook trigger's message: the notification's item (its own fields vary by topic) plus where it came from. */
const help: ResourceHelp = {
  actions: {
    webhookEvents: {
      out: {
        type: 'Kind of record the notification is about, e.g. conversation, contact, ticket or company.',
        id: 'Intercom’s ID of that record; the record’s other fields sit beside it, as the topic delivers them.',
        topic: 'What happened, as Intercom’s topic name, e.g. conversation.user.created or contact.user.updated.',
        app_id: 'Code of the Intercom workspace the notification comes from, e.g. ecahpwf5.',
        notification_id: 'Intercom’s ID of the notification; the step drops a repeated delivery of the same ID.',
        notification_created_at: 'When Intercom created the notification.',
      },
    },
  },
};

export default help;
