import { resource } from './types';

export default resource({
  listContactBanners: {
    op: 'GET /contacts/{id}/banners',
    title: 'Banners: List for contact',
    description: 'Lists the banners currently shown to a contact.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  dismissContactBanner: {
    op: 'POST /contacts/{id}/banners/{view_id}/dismiss',
    title: 'Banners: Dismiss for contact',
    description: 'Marks a banner as dismissed for a contact so it is no longer shown.',
    idempotent: true,
  },
});
