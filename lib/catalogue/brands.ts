import { resource } from './types';

export default resource({
  listBrands: {
    op: 'GET /brands',
    title: 'Brands: List',
    description: 'Lists the brands of a multi-brand workspace.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  getBrand: {
    op: 'GET /brands/{id}',
    title: 'Brands: Get',
    description: 'Fetches one brand by id.',
  },
});
