import type { ResourceHelp } from './types';

/**
 * Banners: List for contact (a contact's banners, shown outside the Messenger). Banners: Dismiss for contact and the
 * banner schemas are written in workspace.ts.
 */

const CONTACT = 'the id field of a contact, as Contacts: List or Contacts: Search give it; not your own external_id';

const help: ResourceHelp = {
  actions: {
    listContactBanners: {
      in: {
        id: `Intercom’s ID of the contact whose banners to list: ${CONTACT}. Intercom counts each banner listed as shown to the contact, so list them when about to display them.`,
      },
      out: {
        data: 'The banners the contact matches now, one object each; Intercom counts each as shown. Banners that depend on page or timing rules are left out.',
        'data.id': 'Intercom’s ID of the banner itself, the same for every contact; to dismiss it, use view_id instead.',
        'data.view_id': 'ID of this contact’s view of the banner; Banners: Dismiss for contact takes it as view_id (not the banner’s id).',
      },
    },
  },
};

export default help;
