import { resource } from './types';

export default resource({
  listDataAttributes: {
    op: 'GET /data_attributes',
    title: 'Data attributes: List',
    description: 'Lists the standard and custom data attributes of contacts, companies or conversations.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  createDataAttribute: {
    op: 'POST /data_attributes',
    title: 'Data attributes: Create',
    description: 'Creates a custom data attribute for contacts or companies.',
  },
  updateDataAttribute: {
    op: 'PUT /data_attributes/{data_attribute_id}',
    title: 'Data attributes: Update',
    description: 'Changes the description or options of a custom data attribute, or archives it.',
  },
});
