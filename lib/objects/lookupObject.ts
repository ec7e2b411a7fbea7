import { OBJECT_FIELDS } from '../catalogue/fields';
import type { UniqueLookup } from '../catalogue/objectTypes';
import { SEARCH_MODELS } from '../catalogue/searchFields';
import { callOperation, isChecked, isRecord, text } from '../curated/common';
import { LookupError } from '../curated/contacts';
import { InputValidationError } from '../runtime/errors';
import { operation } from '../runtime/operations';
import { itemsAt, pagedOperationCall, pages } from '../runtime/paging';
import { ID_INPUT, idText, isNotFound, type ObjectRun, rejectUnused } from './common';
import { objectDefinition } from './definition';

const KEY = 'lookupObject';
/** Enough matches to name them in the error when a unique field is not unique after all. */
const NAMED_MATCHES = 10;

type Found = Record<string, unknown>;

/**
 * Lookup Object (at most 1): exactly one of the Intercom id or a unique field of the type is given; none, or more
 * than one match, is handled as the step options say (an empty object, or an error naming the matches).
 */
export const action = objectDefinition('lookup', async (run) => {
  const lookup = run.type.lookup;
  if (!lookup) return;
  const criteria = [ID_INPUT, ...Object.keys(lookup.unique ?? {})];
  rejectUnused(run, criteria);
  const given = criteria.filter((name) => text(run.input[name]) !== undefined);
  if (given.length > 1) throw new InputValidationError(KEY, [`field ${given[1] ?? ''}: give only one of ${given.join(', ')} to look the record up by`]);
  const by = given[0];
  if (by === undefined) {
    if (isChecked(run.cfg[OBJECT_FIELDS.allowCriteriaToBeOmitted])) {
      run.ctx.logger.info(`${KEY}: no lookup value given; emitting an empty object (criteria may be omitted)`);
      await run.ctx.emitData({});
      return;
    }
    throw new InputValidationError(KEY, [`field ${ID_INPUT}: give it or one of ${criteria.slice(1).join(', ') || 'nothing else'} to look the record up by`]);
  }
  const value = idText(run, by) ?? '';
  const unique = by === ID_INPUT ? undefined : lookup.unique?.[by];
  const matches = unique ? await findByUnique(run, unique, value) : await getOne(run, lookup.byId.op, lookup.byId.input, value);
  if (matches.length === 0) {
    if (isChecked(run.cfg[OBJECT_FIELDS.allowZeroResults])) {
      await run.ctx.emitData({});
      return;
    }
    throw new LookupError(`${KEY}: no ${run.type.label.toLowerCase()} record has ${by} ${value}`);
  }
  if (matches.length > 1) {
    const ids = matches.map((m) => text(m['id']) ?? '?').join(', ');
    throw new LookupError(`${KEY}: ${matches.length >= NAMED_MATCHES ? `at least ${matches.length}` : matches.length} ${run.type.label.toLowerCase()} records have ${by} ${value} (ids ${ids}); at most one may match`);
  }
  await run.ctx.emitData(matches[0]);
});

/** The record an operation answers by id, or none on 404. */
async function getOne(run: ObjectRun, op: string, input: string, value: string): Promise<Found[]> {
  try {
    const response = await callOperation(run, op, { ...run.scope, [input]: value });
    return isRecord(response.data) ? [response.data] : [];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

async function findByUnique(run: ObjectRun, unique: UniqueLookup, value: string): Promise<Found[]> {
  switch (unique.kind) {
    case 'get':
      return getOne(run, unique.op, unique.input, value);
    case 'search': {
      const search = run.type.lookupMany?.search;
      if (!search || !SEARCH_MODELS[search.model].fields[unique.field]) throw new Error(`${KEY}: ${run.typeName} has no search on ${unique.field}`);
      const query = { field: unique.field, operator: '=', value };
      const response = await callOperation(run, search.op, { ...run.scope, query, pagination: { per_page: NAMED_MATCHES } });
      return itemsAt(response.data, operation(search.op).pagination?.itemsPath ?? 'data').filter(isRecord);
    }
    case 'list': {
      let data: unknown;
      try {
        data = (await callOperation(run, unique.op, { ...run.scope, [unique.input]: value })).data;
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      // Intercom answers one record for a unique filter, a list for the others.
      if (isRecord(data) && data['type'] !== 'list' && !Array.isArray(data['data'])) return [data];
      return itemsAt(data, operation(unique.op).pagination?.itemsPath ?? 'data').filter(isRecord);
    }
    case 'scan': {
      const wanted = unique.field === 'email' ? value.toLowerCase() : value;
      const found: Found[] = [];
      for await (const page of pages(run.client, pagedOperationCall(unique.op, run.scope, `${KEY} (${unique.op})`))) {
        for (const item of page.items.filter(isRecord)) {
          const candidate = text(item[unique.field]);
          if (candidate !== undefined && (unique.field === 'email' ? candidate.toLowerCase() : candidate) === wanted) found.push(item);
        }
      }
      return found;
    }
  }
}
