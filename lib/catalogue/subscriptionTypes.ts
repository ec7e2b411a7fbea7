import { resource } from './types';

export default resource({
  listSubscriptionTypes: {
    op: 'GET /subscription_types',
    title: 'Subscription types: List',
    description: 'Lists the subscription types (opt-in and opt-out topics) of the workspace.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  addContactSubscription: {
    op: 'POST /contacts/{contact_id}/subscriptions',
    title: 'Subscription types: Add to contact',
    description: 'Opts a contact in to, or out of, a subscription type, depending on its consent type.',
    idempotent: true,
  },
  removeContactSubscription: {
    op: 'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}',
    title: 'Subscription types: Remove from contact',
    description: 'Removes a subscription type from a contact; the subscription type itself stays.',
    risk: 'write',
  },
});
