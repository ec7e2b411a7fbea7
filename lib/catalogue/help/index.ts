import admins from './admins';
import articles from './articles';
import attributes from './attributes';
import audiences from './audiences';
import banners from './banners';
import companies from './companies';
import contacts from './contacts';
import connectors from './connectors';
import content from './content';
import conversations from './conversations';
import dataAttributes from './dataAttributes';
import dataEvents from './dataEvents';
import exportJobs from './exports';
import finAgent from './finAgent';
import helpCenter from './helpCenter';
import messages from './messages';
import notes from './notes';
import objects from './objects';
import oih from './oih';
import raw from './raw';
import segments from './segments';
import tags from './tags';
import teams from './teams';
import tickets from './tickets';
import visitors from './visitors';
import webhooks from './webhooks';
import workspace from './workspace';
import common from './common';
import type { ResourceHelp } from './types';

/**
 * The hand-written help, one file per resource (or family of resources). A writer adds a file here and fills its
 * `records` (fields of the description's schemas) and `actions` (fields of one action); the generator applies them
 * and checks every key names a schema field of the description or an input or output of the action.
 */
export const resourceHelp: Readonly<Record<string, ResourceHelp>> = {
  admins,
  articles,
  attributes,
  audiences,
  banners,
  companies,
  contacts,
  connectors,
  content,
  conversations,
  dataAttributes,
  dataEvents,
  exportJobs,
  finAgent,
  helpCenter,
  messages,
  notes,
  objects,
  oih,
  raw,
  segments,
  tags,
  teams,
  tickets,
  visitors,
  webhooks,
  workspace,
  common,
};

/** Each schema and each action is written in one file only, so a text has one place to be changed. */
function merged<T>(pick: (help: ResourceHelp) => Readonly<Record<string, T>> | undefined): Map<string, T> {
  const all = new Map<string, T>();
  const where = new Map<string, string>();
  for (const [file, help] of Object.entries(resourceHelp)) {
    for (const [name, value] of Object.entries(pick(help) ?? {})) {
      const earlier = where.get(name);
      if (earlier) throw new Error(`lib/catalogue/help: ${name} is written in both ${earlier}.ts and ${file}.ts`);
      where.set(name, file);
      all.set(name, value);
    }
  }
  return all;
}

const records = merged((help) => help.records);
const actions = merged((help) => help.actions);

/**
 * The written help of a field: the action's own text for that path, else the text of the description's schema field
 * it is (`owner`: schema name and path inside it).
 */
export function writtenHelp(key: string, direction: 'in' | 'out', path: readonly string[], owner?: { schema: string; path: string }): string | undefined {
  const own = actions.get(key)?.[direction]?.[path.join('.')];
  if (own) return own;
  return owner ? records.get(owner.schema)?.[owner.path] : undefined;
}

/** Every written record text, as [schema, path inside it]. */
export function writtenRecordFields(): Array<[string, string]> {
  return [...records.entries()].flatMap(([schema, texts]) => Object.keys(texts).map((path): [string, string] => [schema, path]));
}

/** Every written action text, as [action key, direction, path]. */
export function writtenActionFields(): Array<[string, 'in' | 'out', string]> {
  return [...actions.entries()].flatMap(([key, texts]) =>
    (['in', 'out'] as const).flatMap((direction) => Object.keys(texts[direction] ?? {}).map((path): [string, 'in' | 'out', string] => [key, direction, path])),
  );
}
