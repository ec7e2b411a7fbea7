import { resource } from './types';

export default resource({
  upsertCustomObjectInstance: {
    op: 'POST /custom_object_instances/{custom_object_type_identifier}',
    title: 'Custom objects: Create or update instance',
    description: 'Creates an instance of a custom object type, or updates the one with the same external_id.',
    idempotent: true,
  },
  listCustomObjectInstances: {
    op: 'GET /custom_object_instances/{custom_object_type_identifier}',
    title: 'Custom objects: List instances',
    description: 'Lists the instances of a custom object type, optionally those referencing a contact or conversation.',
    paginate: 'page',
    itemsPath: 'data',
  },
  getCustomObjectInstance: {
    op: 'GET /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}',
    title: 'Custom objects: Get instance',
    description: 'Fetches one custom object instance by its Intercom id.',
  },
  deleteCustomObjectInstance: {
    op: 'DELETE /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}',
    title: 'Custom objects: Delete instance (permanent)',
    description: 'Permanently deletes a custom object instance by its Intercom id.',
  },
  deleteCustomObjectInstanceByExternalId: {
    op: 'DELETE /custom_object_instances/{custom_object_type_identifier}',
    title: 'Custom objects: Delete instance by external id (permanent)',
    description: 'Permanently deletes the custom object instance that carries the given external_id.',
  },
});
