/**
 * The default mappings between Intercom records and OIH's Person / Organization (personV2, organizationV2).
 * Expected values are written by hand from the two models and from Intercom's record shapes (a contact's
 * `avatar` is read as `{type: 'avatar', image_url}` and written as a URL; a company's `plan` is read as an
 * object with a `name` and written as text).
 */
import assert from 'node:assert/strict';
import { companyToOrganization, organizationToCompany } from '../../../lib/oih/mappings/organization';
import { contactToPerson, personToContact } from '../../../lib/oih/mappings/person';

/** What Intercom returns for a contact written with these inputs (hand-written per Intercom's contact shape). */
function storedContact(input: Record<string, unknown>): Record<string, unknown> {
  const { avatar, ...rest } = input;
  return { type: 'contact', id: 'c1', role: 'user', ...rest, avatar: avatar === undefined ? null : { type: 'avatar', image_url: avatar }, created_at: 1, updated_at: 2 };
}

/** What Intercom returns for a company written with these inputs. */
function storedCompany(input: Record<string, unknown>): Record<string, unknown> {
  const { plan, ...rest } = input;
  return { type: 'company', id: 'co1', company_id: 'ext', ...rest, ...(plan === undefined ? {} : { plan: { type: 'plan', id: '9', name: plan } }), created_at: 1, updated_at: 2 };
}

describe('OIH default mappings', () => {
  describe('Person ↔ contact', () => {
    const ada = { firstName: 'Ada', lastName: 'Lovelace', photo: 'https://img.test/ada.png', contactData: [{ type: 'email', value: 'ada@example.test' }, { type: 'phone', value: '+44 20 0000' }] };

    it('Person → contact inputs: name joined, email and phone from contactData, photo as avatar', () => {
      assert.deepEqual(personToContact(ada), { name: 'Ada Lovelace', email: 'ada@example.test', phone: '+44 20 0000', avatar: 'https://img.test/ada.png' });
    });

    it('contact → Person: the name split at its last space, avatar.image_url as photo, email then phone', () => {
      assert.deepEqual(
        contactToPerson({ type: 'contact', id: 'c1', name: 'Mary Ann Evans', email: 'm@e.test', phone: null, avatar: { type: 'avatar', image_url: 'https://img.test/m.png' } }),
        { firstName: 'Mary Ann', lastName: 'Evans', photo: 'https://img.test/m.png', contactData: [{ type: 'email', value: 'm@e.test' }] },
      );
      assert.deepEqual(contactToPerson({ type: 'contact', id: 'c2', name: 'Cher', email: null, avatar: null }), { firstName: 'Cher' });
    });

    for (const person of [
      ada,
      { firstName: 'Mary Ann', lastName: 'Evans', contactData: [{ type: 'email', value: 'm@e.test' }] },
      { firstName: 'Cher' },
      { contactData: [{ type: 'email', value: 'only@mail.test' }] },
    ]) {
      it(`round trip keeps every mapped field: ${JSON.stringify(person)}`, () => {
        assert.deepEqual(contactToPerson(storedContact(personToContact(person))), person);
      });
    }

    it('Intercom keeps one name: a last name alone, or one of several words, comes back split at the last space (documented)', () => {
      assert.deepEqual(contactToPerson(storedContact(personToContact({ lastName: 'Nobody' }))), { firstName: 'Nobody' });
      assert.deepEqual(contactToPerson(storedContact(personToContact({ firstName: 'Jan', lastName: 'van Dijk' }))), { firstName: 'Jan van', lastName: 'Dijk' });
    });

    it('a Person field the mapping does not cover is not sent (no invented values)', () => {
      assert.deepEqual(personToContact({ salutation: 'Dr.', jobTitle: 'Analyst', contactData: [{ type: 'fax', value: '1' }] }), {});
    });
  });

  describe('Organization ↔ company', () => {
    const engines = {
      organizationName: 'Analytical Engines',
      contactData: [{ type: 'url', value: 'https://engines.test' }],
      categories: [
        { name: 'Computing', label: 'industry' },
        { name: 'Pro', label: 'plan' },
      ],
    };

    it('Organization → company inputs', () => {
      assert.deepEqual(organizationToCompany(engines), { name: 'Analytical Engines', website: 'https://engines.test', industry: 'Computing', plan: 'Pro' });
    });

    it('company → Organization, plan read from plan.name', () => {
      assert.deepEqual(
        companyToOrganization({ type: 'company', id: 'co1', name: 'X', website: null, industry: 'Retail', plan: { type: 'plan', id: '1', name: 'Basic' } }),
        { organizationName: 'X', categories: [{ name: 'Retail', label: 'industry' }, { name: 'Basic', label: 'plan' }] },
      );
    });

    for (const organization of [engines, { organizationName: 'Solo' }, { contactData: [{ type: 'url', value: 'https://u.test' }], categories: [{ name: 'Pro', label: 'plan' }] }]) {
      it(`round trip keeps every mapped field: ${JSON.stringify(organization)}`, () => {
        assert.deepEqual(companyToOrganization(storedCompany(organizationToCompany(organization))), organization);
      });
    }
  });
});
