import type { ResourceHelp } from './types';

const help: ResourceHelp = {
  records: {
    data_attribute: {
      type: 'Always "data_attribute": names the kind of object.',
      id: 'Intercom’s ID of the data attribute (custom attributes only); Data attributes: Update takes it as data_attribute_id.',
      model: 'Whose attribute it is: contact (users and leads) or company.',
      name: 'Name of the attribute as the API uses it, e.g. plan_tier; custom_attributes holds its value under this name.',
      full_name: 'Full path of the attribute, e.g. location.city for a nested one; the same as name otherwise.',
      label: 'Name of the attribute as Intercom shows it to teammates.',
      description: 'Description of the attribute shown in Intercom.',
      data_type: 'Kind of value the attribute holds.',
      options: 'The values the attribute may take, for a list attribute.',
      api_writable: 'True when the API may change the attribute.',
      messenger_writable: 'True when the Messenger may change the attribute.',
      ui_writable: 'True when teammates may change the attribute in Intercom.',
      custom: 'True for the workspace’s own attributes; false for Intercom’s built-in ones.',
      archived: 'True when the custom attribute is archived.',
      created_at: 'When the attribute was created.',
      updated_at: 'When the attribute last changed.',
      admin_id: 'Intercom’s ID of the admin who created the custom attribute.',
    },
    data_attribute_list: { type: 'Always "list": names the kind of object.', data: 'The data attributes, built-in and custom, one object each.' },
    create_data_attribute_request: {
      data_type: 'Kind of value the new attribute holds; options makes it a list attribute (give options then).',
      options: 'For a list attribute: at least two values, each { "value": "Gold" }.',
      'options.value': 'One value the list attribute may take, e.g. Gold.',
      name: 'Name of the new attribute as the API will use it, e.g. plan_tier.',
      model: 'Whose attribute it is: contact (users and leads) or company.',
      description: 'Description of the attribute shown in Intercom.',
      messenger_writable: 'True: the Messenger may change the attribute.',
    },
    update_data_attribute_request: {
      options: 'For a list attribute: the values it may take, at least two, each { "value": "Gold" }.',
      'options.value': 'One value the list attribute may take, e.g. Gold.',
      archived: 'True archives the attribute (it is no longer offered); false restores it.',
      description: 'New description of the attribute shown in Intercom.',
      messenger_writable: 'True: the Messenger may change the attribute.',
    },
  },
  actions: {
    listDataAttributes: {
      in: {
        model: 'Whose attributes to list: contact or company; empty: both. Conversation attributes: List lists the conversation attributes.',
        include_archived: 'True: archived attributes are listed too.',
      },
    },
  },
};

export default help;
