import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PAGE_SIZE, PAGING_FIELDS } from '../../lib/catalogue/fields';
import { allOperations } from '../../lib/catalogue/index';
import type { OperationEntry } from '../../lib/runtime/operations';
import { descriptionPath, type Json, loadDescription, type LoadedDescription } from '../../scripts/generate/description';

/**
 * Paging facts of Intercom's description against what the component declares: the largest page of each list (the
 * run time refuses more, the Page size field states it) and each list's paging style. The expected maxima are
 * written by hand from the 2.16 description's page-size parameters (their `maximum`, or their text where it has
 * none: content snippets "Max value of 50", calls "Max 25"), not read from the generator.
 */

const ROOT = join(__dirname, '..', '..');
const table = JSON.parse(readFileSync(join(ROOT, 'lib', 'generated', 'operations.json'), 'utf8')) as Record<string, OperationEntry>;
const manifest = JSON.parse(readFileSync(join(ROOT, 'component.json'), 'utf8')) as { actions: Record<string, { fields?: Record<string, Record<string, unknown>> }> };
const declared = new Map(allOperations().map(([key, decl]) => [key, decl] as const));

const DESCRIBED_MAXIMA: Record<string, number> = {
  listAudiences: 50,
  listContentSnippets: 50,
  searchContent: 50,
  listSideConversations: 50,
  listDataConnectors: 50,
  listDataConnectorExecutionResults: 30,
  listCalls: 25,
  listMessageStatuses: 100,
  listDeletedConversationIds: 60,
  listConversations: 150,
  listContactMergeHistory: 150,
  listCustomObjectInstances: 150,
  listMacros: 150,
  listHelpCenterRedirects: 250,
  searchAdminActivityLogs: 250,
};

describe('contract: paging facts of the description', () => {
  let spec: LoadedDescription | undefined;

  before(function () {
    const path = descriptionPath();
    if (!existsSync(path)) {
      if (process.env['CI']) throw new Error(`Intercom's OpenAPI description is not at ${path}`);
      this.skip();
    }
    spec = loadDescription(path);
  });

  it('every list keeps its own largest page: in its paging data, as the Page size field\'s maximum and in its note', () => {
    for (const [key, entry] of Object.entries(table)) {
      if (!entry.pagination) continue;
      const expected = DESCRIBED_MAXIMA[key];
      assert.equal(entry.pagination.maxPageSize, expected, `${key}: the largest page the description allows`);
      const field = manifest.actions[key]?.fields?.[PAGING_FIELDS.pageSize];
      if (entry.pagination.style === 'whole') {
        assert.equal(field, undefined, `${key} answers the whole list: no Page size`);
        continue;
      }
      assert.ok(field, `${key} has the Page size field`);
      assert.equal(field['maximum'], expected ?? MAX_PAGE_SIZE, `${key}: Page size maximum`);
      assert.match(String(field['note']), new RegExp(`at most ${expected ?? MAX_PAGE_SIZE}\\b`), `${key}: Page size note`);
    }
  });

  it('a list Intercom answers whole offers no Pages to fetch and Page size, and its help speaks of neither', () => {
    for (const [key, entry] of Object.entries(table)) {
      if (entry.pagination?.style !== 'whole') continue;
      assert.deepEqual(Object.keys(manifest.actions[key]?.fields ?? {}).filter((name) => name === PAGING_FIELDS.fetch || name === PAGING_FIELDS.pageSize), [], key);
      for (const direction of ['in', 'out']) {
        const text = readFileSync(join(ROOT, 'schemas', `${key}.${direction}.json`), 'utf8');
        assert.doesNotMatch(text, /Pages to fetch|Page size/, `${key}.${direction}.json`);
      }
    }
  });

  it('every page-size parameter with a maximum in the description belongs to a list listed above', () => {
    const unlisted: string[] = [];
    for (const [key, entry] of Object.entries(table)) {
      const described = spec?.operations.get(`${entry.method} ${entry.path}`);
      for (const param of described?.parameters ?? []) {
        const schema = spec?.resolve(param['schema'] ?? {}) as Json | undefined;
        if (/^(per_page|page_size|limit)$/.test(String(param['name'])) && typeof schema?.['maximum'] === 'number' && DESCRIBED_MAXIMA[key] !== schema['maximum']) {
          unlisted.push(`${key}: ${String(param['name'])} at most ${schema['maximum']}`);
        }
      }
    }
    assert.deepEqual(unlisted, []);
  });

  it('every paging style agrees with the description: its paging parameters, and paging information in the answer', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(table)) {
      if (!entry.pagination) continue;
      const described = spec?.operations.get(`${entry.method} ${entry.path}`);
      if (!described) continue;
      const added = declared.get(key)?.addPagingParams === true;
      const query = new Set(described.parameters.filter((p) => p['in'] === 'query').map((p) => String(p['name'])));
      const answer = answerProperties(spec, described.op);
      const body = bodyProperties(spec, described.op);
      const pagesInfo = answer['pages'] !== undefined || answer['total_pages'] !== undefined;
      const agrees: Record<string, boolean> = {
        // The description leaves out the paging parameters of some lists that page (addPagingParams, the coverage test).
        page: query.has('page') || added || pagesInfo,
        cursor: query.has('starting_after') || added || answer['pages'] !== undefined,
        searchBody: body['pagination'] !== undefined && answer['pages'] !== undefined,
        pageBody: body['page'] !== undefined && answer['pages'] !== undefined,
        scroll: query.has('scroll_param') && answer['scroll_param'] !== undefined,
        nextCursor: query.has('cursor') && answer['next_cursor'] !== undefined,
        // Not paged: nothing in the parameters or the answer to page with.
        whole: !added && !['page', 'starting_after', 'cursor', 'scroll_param'].some((name) => query.has(name)) && !pagesInfo && answer['next_cursor'] === undefined,
      };
      if (!agrees[entry.pagination.style]) problems.push(`${key} is declared "${entry.pagination.style}"`);
    }
    assert.deepEqual(problems, [], 'a list declared with a paging style its description does not have');
  });
});

/** Top-level properties of a schema, through its allOf/oneOf/anyOf. */
function propertiesOf(spec: LoadedDescription | undefined, node: unknown, depth = 0): Json {
  const schema = spec?.resolve(node) as Json | undefined;
  if (!schema || depth > 3) return {};
  const out: Json = { ...((schema['properties'] as Json | undefined) ?? {}) };
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    for (const part of (schema[combinator] as unknown[] | undefined) ?? []) Object.assign(out, propertiesOf(spec, part, depth + 1));
  }
  return out;
}

function answerProperties(spec: LoadedDescription | undefined, op: Json): Json {
  const responses = (op['responses'] ?? {}) as Json;
  const ok = spec?.resolve(responses['200'] ?? responses['201']) as Json | undefined;
  const content = (ok?.['content'] as Json | undefined)?.['application/json'] as Json | undefined;
  return propertiesOf(spec, content?.['schema']);
}

function bodyProperties(spec: LoadedDescription | undefined, op: Json): Json {
  const body = spec?.resolve(op['requestBody']) as Json | undefined;
  const content = (body?.['content'] as Json | undefined)?.['application/json'] as Json | undefined;
  return propertiesOf(spec, content?.['schema']);
}
