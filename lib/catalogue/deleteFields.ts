import { DELETE_FIELDS } from './fields';
import type { FieldDecl } from './types';

/** The step field of every delete of one record by id (elastic.io's Delete Object convention). */
export const recordDeleteFields: Record<string, FieldDecl> = {
  [DELETE_FIELDS.notFoundIsDeleted]: {
    label: 'Treat not found as deleted',
    viewClass: 'CheckBoxView',
    required: false,
    note: 'When Intercom has no record with this id, emit an empty object instead of failing the step. Under OIH the delete protocol answers instead (confirmed, failed or denied; see the README).',
  },
};
