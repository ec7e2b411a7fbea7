import { MAX_LOOKUP_TERMS, SEARCH_OPERATORS } from './searchFields';
import { TERM_HELP } from './help/terms';
import { MAX_PAGE_SIZE, OBJECT_FIELDS, PAGING_FIELDS } from './fields';
import { OBJECT_TYPES, type ObjectTypeDecl, objectTypeChoices, type ObjectVerb } from './objectTypes';
import type { HandWrittenDecl, FieldDecl, JsonSchema } from './types';

/**
 * The standard object actions every elastic.io and OIH connector offers, under elastic.io's usual keys. Their
 * inputs and outputs depend on the chosen object type (and number of terms), so they are dynamic metadata
 * (lib/objects/metaModel.ts); the input each one accepts is checked by the operations they call.
 */

const objectTypeField = (verb: ObjectVerb): FieldDecl => ({
  label: 'Object type',
  viewClass: 'SelectView',
  required: true,
  model: objectTypeChoices(verb),
  note: 'The kind of Intercom record to work on; the input and output fields follow the type chosen here.',
  order: 100,
});

const checkbox = (label: string, note: string, order: number): FieldDecl => ({ label, viewClass: 'CheckBoxView', required: false, note, order });

/** Any object: the chosen type's metadata says what it holds. */
const anyObject: JsonSchema = { type: 'object', properties: {}, additionalProperties: true };

const types = Object.values(OBJECT_TYPES) as ObjectTypeDecl[];
const text = (title: string): JsonSchema => ({ type: 'string', title });

/** Inputs every type of a verb may take: the Intercom id, the scope of scoped types and the given extra names. */
function staticInputs(verb: ObjectVerb, extra: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = { id: text('Intercom ID') };
  for (const type of types.filter((t) => t[verb])) for (const [name, title] of Object.entries(type.scope ?? {})) properties[name] = text(title);
  return { ...properties, ...extra };
}

/** The static input of Lookup Object: the id and every unique field of every type (the dynamic metadata narrows it). */
const lookupInputs = staticInputs('lookup', Object.fromEntries(types.flatMap((t) => Object.keys(t.lookup?.unique ?? {})).map((name) => [name, text(`or ${name.replace(/_/g, ' ').replace(/\bid\b/, 'ID')}`)])));

/** The types whose terms are a query-language search, the only ones whose terms may be joined with or. */
const searchedTypes = types
  .filter((t) => t.lookupMany?.search)
  .map((t) => t.label.toLowerCase())
  .join(', ')
  .replace(/, ([^,]*)$/, ' and $1');

/** Up to MAX_LOOKUP_TERMS terms and their links. */
const termInputs: Record<string, JsonSchema> = {};
for (let n = 1; n <= MAX_LOOKUP_TERMS; n++) {
  const described = (schema: JsonSchema, description: string): JsonSchema => ({ ...schema, description });
  const conditions = Object.entries(SEARCH_OPERATORS).map(([op, words]) => `${op} (${words})`).join(', ');
  termInputs[`searchTerm${n}`] = described(
    {
      type: 'object',
      title: `Search term ${n}`,
      properties: {
        fieldName: described(text('Field'), TERM_HELP.field(n)),
        condition: described(text('Condition'), TERM_HELP.condition(n, conditions)),
        fieldValue: described({ title: 'Value' }, TERM_HELP.value(n)),
      },
    },
    TERM_HELP.term(n),
  );
  if (n < MAX_LOOKUP_TERMS) termInputs[`criteriaLink${n}`] = described({ type: 'string', title: `Join terms ${n} and ${n + 1}`, enum: ['and', 'or'] }, TERM_HELP.link(n, undefined, searchedTypes));
}

const closed = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, additionalProperties: false });

/** Every operation an upsert may call: their inputs are what Upsert Object accepts for some type. */
const upsertOperations = [...new Set(types.flatMap((t) => (t.upsert ? [t.upsert.create.op, ...(t.upsert.update ? [t.upsert.update.op] : [])] : [])))];

const termChoices: Record<string, string> = Object.fromEntries(
  Array.from({ length: MAX_LOOKUP_TERMS + 1 }, (_, n) => [String(n), n === 0 ? 'No terms (every record)' : `${n} term${n > 1 ? 's' : ''}`]),
);

export const objectActions: Readonly<Record<string, HandWrittenDecl>> = {
  lookupObject: {
    kind: 'action',
    title: 'Lookup Object (at most 1)',
    description: 'Finds one record of the chosen type by its Intercom id or by a unique field such as email or external id.',
    risk: 'read',
    module: 'objects/lookupObject',
    dynamicMetadata: true,
    in: closed(lookupInputs),
    out: anyObject,
    fields: {
      [OBJECT_FIELDS.objectType]: objectTypeField('lookup'),
      [OBJECT_FIELDS.allowCriteriaToBeOmitted]: checkbox('Allow criteria to be omitted', 'On: a message without any lookup value (id or a unique field) emits an empty object. Off: such a message fails the step.', 90),
      [OBJECT_FIELDS.allowZeroResults]: checkbox('Allow zero results', 'On: when nothing matches, an empty object is emitted. Off: the step fails. Several matches always fail it.', 80),
    },
  },
  lookupObjects: {
    kind: 'action',
    title: 'Lookup Objects',
    description: 'Finds every record of the chosen type matching up to ten search terms joined by and/or, or lists them all.',
    risk: 'read',
    module: 'objects/lookupObjects',
    dynamicMetadata: true,
    in: closed(staticInputs('lookupMany', termInputs)),
    out: anyObject,
    fields: {
      [OBJECT_FIELDS.objectType]: objectTypeField('lookupMany'),
      [OBJECT_FIELDS.termNumber]: {
        label: 'Number of search terms',
        viewClass: 'SelectView',
        required: true,
        model: termChoices,
        note: `How many search terms filter the records, 0 to ${MAX_LOOKUP_TERMS}: each is a field, a condition and a value, and consecutive terms are joined by and / or. 0: every record, for the types Intercom lists unfiltered.`,
        order: 90,
      },
      [OBJECT_FIELDS.outputMethod]: {
        label: 'Emit behaviour',
        viewClass: 'SelectView',
        required: true,
        model: { emitAll: 'Emit all (one message with results)', emitPage: 'Emit page (one message per page)', emitIndividually: 'Emit individually (one message per record)' },
        note: 'Emit all: one message { results } with every record found; Emit page: one such message per page (Page size records); Emit individually: one message per record. Nothing found: Emit all and Emit page emit { results: [] }, Emit individually nothing.',
        order: 80,
      },
      [OBJECT_FIELDS.maxFetch]: {
        label: 'Maximum number of records',
        viewClass: 'TextFieldView',
        required: false,
        placeholder: '1000',
        note: 'Stops after this many records, a whole number of at least 1 (empty: 1000); the log says when more may have matched.',
        order: 70,
      },
      [PAGING_FIELDS.pageSize]: {
        label: 'Page size',
        viewClass: 'TextFieldView',
        required: false,
        placeholder: "Intercom's default",
        note: `Records per request (and per message with Emit page), at most ${MAX_PAGE_SIZE}.`,
        order: 60,
      },
    },
  },
  upsertObject: {
    kind: 'action',
    title: 'Upsert Object',
    description: 'Updates the record of the chosen type that the input identifies, or creates it when there is none.',
    risk: 'write',
    module: 'objects/upsertObject',
    dynamicMetadata: true,
    in: { unionOf: upsertOperations, properties: staticInputs('upsert', {}) },
    out: anyObject,
    fields: { [OBJECT_FIELDS.objectType]: objectTypeField('upsert') },
  },
  deleteObject: {
    kind: 'action',
    title: 'Delete Object',
    description: 'Deletes the record of the chosen type with the given Intercom id; a record that is not there gives an empty result.',
    risk: 'destructive',
    module: 'objects/deleteObject',
    dynamicMetadata: true,
    in: closed(staticInputs('delete', {})),
    out: anyObject,
    fields: { [OBJECT_FIELDS.objectType]: objectTypeField('delete') },
  },
};
