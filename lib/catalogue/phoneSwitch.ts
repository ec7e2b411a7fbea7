import { resource } from './types';

export default resource({
  createPhoneSwitch: {
    op: 'POST /phone_call_redirects',
    title: 'Switch: Send phone call to Messenger',
    description: 'Texts a caller a link that moves the phone call to a Messenger conversation.',
  },
});
