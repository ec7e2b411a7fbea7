import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface Field {
  viewClass: string;
  model?: unknown;
}
interface TriggerEntry {
  main: string;
  type?: string;
  fields?: Record<string, Field>;
  metadata?: { in?: unknown; out?: unknown };
  dynamicMetadata?: boolean;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { consumesRawData?: boolean; triggers: Record<string, TriggerEntry> };

describe('trigger manifest entries', () => {
  const polling = ['newOrUpdatedContacts', 'newOrUpdatedConversations', 'newOrUpdatedTickets', 'newOrUpdatedCompanies', 'deletedConversations'];

  it('the five polling triggers say "type": "polling" and share the start time, overlap and maximum-per-run fields', () => {
    for (const key of polling) {
      const entry = manifest.triggers[key];
      assert.equal(entry?.type, 'polling', key);
      for (const field of ['startTime', 'overlapMinutes', 'maxPerRun']) assert.ok(entry?.fields?.[field], `${key}.${field}`);
      assert.equal(entry?.metadata?.in, undefined, `${key} takes no mapped input`);
      // The record triggers show the workspace's custom attributes (getMetaModel); deleted conversations have none.
      if (key === 'deletedConversations') assert.equal(entry?.metadata?.out, `./schemas/${key}.out.json`);
      else assert.deepEqual([entry?.dynamicMetadata, entry?.metadata], [true, undefined], key);
    }
  });

  it('every dropdown naming a select model is served by a function its trigger module exports', () => {
    for (const [key, entry] of Object.entries(manifest.triggers)) {
      const modulePath = join(ROOT, entry.main.replace('./dist/', 'lib/').replace(/\.js$/, '.ts'));
      // The sailor require()s the module and looks the model function up on its exports.
      const exported = require(modulePath) as Record<string, unknown>;
      assert.equal(typeof exported['process'], 'function', `${key}.process`);
      for (const [name, field] of Object.entries(entry.fields ?? {})) {
        if (typeof field.model === 'string') assert.equal(typeof exported[field.model], 'function', `${key}.${name} -> ${field.model}`);
      }
    }
  });

  it('webhookEvents is a webhook trigger with a password field for the client secret and a topic multi-select; raw bodies are requested component-wide', () => {
    const entry = manifest.triggers['webhookEvents'];
    assert.equal(entry?.type, 'webhook');
    assert.equal(entry?.fields?.['clientSecret']?.viewClass, 'PasswordFieldView');
    assert.equal(entry?.fields?.['topics']?.viewClass, 'MultiSelectView');
    const topics = entry?.fields?.['topics']?.model as Record<string, string>;
    assert.ok(topics['contact.user.created'] && topics['ticket.closed'] && topics['conversation.admin.closed']);
    assert.equal(topics['ping'], undefined, 'ping is never emitted, so it is not offered');
    assert.equal(manifest.consumesRawData, true);
  });
});
