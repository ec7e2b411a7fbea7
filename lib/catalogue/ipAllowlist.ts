import { resource } from './types';

export default resource({
  getIpAllowlist: {
    op: 'GET /ip_allowlist',
    title: 'IP allowlist: Get',
    description: 'Shows whether the workspace restricts access by IP address, and to which ranges.',
  },
  updateIpAllowlist: {
    op: 'PUT /ip_allowlist',
    title: 'IP allowlist: Update',
    description: 'Turns the IP allowlist on or off and replaces its list of allowed ranges.',
  },
});
