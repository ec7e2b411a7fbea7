/**
 * The default mappings at their edges: blank texts are no value, the first usable contactData entry wins, the
 * shapes Intercom uses besides the usual one (a plan or an avatar as plain text), and inputs that are not records.
 * Expected values are written by hand from OIH's personV2 / organizationV2 and Intercom's record shapes.
 */
import assert from 'node:assert/strict';
import { companyToOrganization, organizationToCompany } from '../../../lib/oih/mappings/organization';
import { contactToPerson, personToContact } from '../../../lib/oih/mappings/person';

describe('OIH default mappings: edges', () => {
  it('blank texts are no value: a blank first name, photo or contactData value is not sent', () => {
    assert.deepEqual(personToContact({ firstName: '  ', lastName: 'Lovelace', photo: ' ', contactData: [{ type: 'email', value: '   ' }] }), { name: 'Lovelace' });
    assert.deepEqual(personToContact({ firstName: '', lastName: '' }), {});
  });

  it('the first contactData entry of a type with a value is taken: a blank one before it is passed over, a later one ignored', () => {
    const person = {
      contactData: [
        { type: 'phone', value: '+1 555' },
        { type: 'email', value: ' ' },
        { type: 'email', value: 'first@mail.test' },
        { type: 'email', value: 'second@mail.test' },
      ],
    };
    assert.deepEqual(personToContact(person), { email: 'first@mail.test', phone: '+1 555' });
  });

  it('a Person that is not a record (a list, text, null) maps to nothing', () => {
    for (const value of [[{ firstName: 'Ada' }], 'Ada', null, undefined]) assert.deepEqual(personToContact(value), {});
    assert.deepEqual(personToContact({ firstName: 'Ada', contactData: { type: 'email', value: 'a@mail.test' } }), { name: 'Ada' });
  });

  it('contact → Person: spaces around and inside the name are not kept; an avatar given as text is the photo', () => {
    assert.deepEqual(contactToPerson({ name: '  Ada   Lovelace  ', avatar: 'https://img.test/a.png' }), { firstName: 'Ada', lastName: 'Lovelace', photo: 'https://img.test/a.png' });
    assert.deepEqual(contactToPerson({ name: ' Cher ' }), { firstName: 'Cher' });
    assert.deepEqual(contactToPerson({ name: '   ', email: '', phone: '+1 555' }), { contactData: [{ type: 'phone', value: '+1 555' }] });
  });

  it('company → Organization: a plan given as text is its name; a blank industry or plan is no category', () => {
    assert.deepEqual(companyToOrganization({ name: 'X', plan: 'Pro', website: 'https://x.test' }), {
      organizationName: 'X',
      contactData: [{ type: 'url', value: 'https://x.test' }],
      categories: [{ name: 'Pro', label: 'plan' }],
    });
    assert.deepEqual(companyToOrganization({ name: 'Y', industry: ' ', plan: { name: '' } }), { organizationName: 'Y' });
  });

  it('Organization → company: the first category of each label is taken; categories that are not a list are none', () => {
    const organization = {
      organizationName: 'Z',
      categories: [
        { name: 'Basic', label: 'plan' },
        { name: 'Retail', label: 'industry' },
        { name: 'Pro', label: 'plan' },
        { name: 'Other', label: 'segment' },
      ],
    };
    assert.deepEqual(organizationToCompany(organization), { name: 'Z', industry: 'Retail', plan: 'Basic' });
    assert.deepEqual(organizationToCompany({ organizationName: 'Z', categories: { name: 'Pro', label: 'plan' } }), { name: 'Z' });
  });
});
