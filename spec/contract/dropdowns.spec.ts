import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handWritten } from '../../lib/catalogue/handWritten';
import { allOperations } from '../../lib/catalogue/index';

/**
 * Every id input that names a list of the workspace offers that list as a dropdown. The expected list per field
 * name is written here by hand (not read from lib/catalogue/dropdowns.ts), and checked against component.json.
 */

const ROOT = join(__dirname, '..', '..');
type Field = { viewClass: string; model?: unknown };
type Entry = { fields?: Record<string, Field> };
const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { actions: Record<string, Entry>; triggers?: Record<string, Entry> };
const table = JSON.parse(readFileSync(join(ROOT, 'lib', 'generated', 'operations.json'), 'utf8')) as Record<string, { inputs: Record<string, string> }>;

/** Input name → the select model that lists what it names (an assignee is an admin or a team). */
const EXPECTED: Record<string, string[]> = {
  admin_id: ['selectAdmins'],
  owner_id: ['selectAdmins'],
  author_id: ['selectAdmins'],
  sender_id: ['selectAdmins'],
  admin_assignee_id: ['selectAdmins'],
  assignee_id: ['selectAssignees'],
  team_id: ['selectTeams'],
  team_assignee_id: ['selectTeams'],
  tag_id: ['selectTags'],
  ticket_type_id: ['selectTicketTypes'],
  ticket_state_id: ['selectTicketStates'],
  help_center_id: ['selectHelpCenters'],
  collection_id: ['selectCollections'],
  subscription_id: ['selectSubscriptionTypes'],
  segment_id: ['selectSegments'],
  data_attribute_id: ['selectDataAttributes'],
};

/** Inputs whose name alone does not say the list: the action does (checked from its path or purpose by hand). */
const EXPECTED_BY_ACTION: Record<string, Record<string, string>> = {
  getConversationAttribute: { id: 'selectConversationAttributes' },
  updateConversationAttribute: { id: 'selectConversationAttributes' },
  deleteConversationAttribute: { id: 'selectConversationAttributes' },
  tagContact: { id: 'selectTags' },
  tagConversation: { id: 'selectTags' },
  tagTicket: { id: 'selectTags' },
  untagArticle: { id: 'selectTags' },
  addContactSubscription: { id: 'selectSubscriptionTypes' },
  createArticle: { parent_id: 'selectCollections' },
  createCollection: { parent_id: 'selectCollections' },
};

const modelsOf = (entry: Entry | undefined): string[] =>
  Object.values(entry?.fields ?? {})
    .filter((field) => field.viewClass === 'SelectView' && typeof field.model === 'string')
    .map((field) => String(field.model));

describe('contract: every id input that names a workspace list has a dropdown', () => {
  it('generated actions: a SelectView with the right model for each such input', () => {
    const idFields: string[] = [];
    const missing: string[] = [];
    for (const [key] of allOperations()) {
      const inputs = Object.keys(table[key]?.inputs ?? {});
      for (const name of inputs) {
        const expected = EXPECTED_BY_ACTION[key]?.[name] ?? EXPECTED[name]?.[0];
        if (!expected) continue;
        idFields.push(`${key}.${name}`);
        const field = manifest.actions[key]?.fields?.[`pick_${name}`];
        if (field?.viewClass !== 'SelectView' || field.model !== expected) missing.push(`${key}.${name} (wants ${expected})`);
      }
    }
    console.log(`    ${idFields.length - missing.length} of ${idFields.length} id inputs of generated actions have a dropdown`);
    assert.ok(idFields.length > 60, `only ${idFields.length} id inputs found`);
    assert.deepEqual(missing, []);
  });

  it('convenience actions and triggers: each such input or filter is offered from the right list', () => {
    for (const [key, decl] of Object.entries(handWritten)) {
      const entry = (decl.kind === 'trigger' ? manifest.triggers : manifest.actions)?.[key];
      for (const name of Object.keys((decl.in?.['properties'] ?? {}))) {
        const expected = EXPECTED[name];
        if (expected) assert.ok(modelsOf(entry).some((model) => expected.includes(model)), `${key}.${name} has no ${expected.join('/')} dropdown`);
      }
    }
    assert.ok(modelsOf(manifest.triggers?.['newOrUpdatedTickets']).includes('selectTicketTypes'));
  });
});
