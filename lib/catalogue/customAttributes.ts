/**
 * Generated actions whose input mapper shows the workspace's custom attributes as typed fields
 * (`getMetaModel`, lib/metadata/customAttributes.ts). The generator gives these keys `dynamicMetadata: true`
 * and an action module that exports getMetaModel; each must have a `custom_attributes` body property.
 *
 * Conversations: only the update request takes custom_attributes (`POST /conversations` has none), and
 * their definitions come from `GET /conversations/attributes` (the data-attribute list covers contacts and
 * companies only).
 */
export type CustomAttributeModel = 'contact' | 'company' | 'conversation';

export const customAttributeModels: Readonly<Record<string, CustomAttributeModel>> = {
  createContact: 'contact',
  updateContact: 'contact',
  upsertCompany: 'company',
  updateCompany: 'company',
  updateConversation: 'conversation',
};
