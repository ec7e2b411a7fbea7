import type { OperationDecl } from './types';
import admins from './admins';
import aiContent from './aiContent';
import articles from './articles';
import audiences from './audiences';
import awayStatusReasons from './awayStatusReasons';
import banners from './banners';
import brands from './brands';
import calls from './calls';
import companies from './companies';
import contacts from './contacts';
import content from './content';
import contentSnippets from './contentSnippets';
import conversationAttributes from './conversationAttributes';
import conversations from './conversations';
import customObjectInstances from './customObjectInstances';
import dataAttributes from './dataAttributes';
import dataConnectors from './dataConnectors';
import dataEvents from './dataEvents';
import dataExport from './dataExport';
import emails from './emails';
import finAgent from './finAgent';
import helpCenter from './helpCenter';
import internalArticles from './internalArticles';
import ipAllowlist from './ipAllowlist';
import jobs from './jobs';
import macros from './macros';
import messages from './messages';
import news from './news';
import notes from './notes';
import officeHours from './officeHours';
import phoneSwitch from './phoneSwitch';
import reportingDataExport from './reportingDataExport';
import segments from './segments';
import subscriptionTypes from './subscriptionTypes';
import tags from './tags';
import teams from './teams';
import tickets from './tickets';
import ticketStates from './ticketStates';
import ticketTypeAttributes from './ticketTypeAttributes';
import ticketTypes from './ticketTypes';
import visitors from './visitors';
import workflows from './workflows';

/**
 * Every resource file, in the order their actions appear in the manifest and docs/actions.md: the five foundation
 * resources first (their order is already published), then the others alphabetically.
 */
export const resources: Readonly<Record<string, Readonly<Record<string, OperationDecl>>>> = {
  Admins: admins,
  Contacts: contacts,
  Companies: companies,
  Notes: notes,
  Tags: tags,
  'AI content': aiContent,
  Articles: articles,
  Audiences: audiences,
  'Away status reasons': awayStatusReasons,
  Banners: banners,
  Brands: brands,
  Calls: calls,
  'Content export': dataExport,
  'Content snippets': contentSnippets,
  'Conversation attributes': conversationAttributes,
  Conversations: conversations,
  'Custom objects': customObjectInstances,
  'Data attributes': dataAttributes,
  'Data connectors': dataConnectors,
  'Data events': dataEvents,
  'Email settings': emails,
  'Fin agent': finAgent,
  'Help Center': helpCenter,
  'Internal articles': internalArticles,
  'IP allowlist': ipAllowlist,
  Jobs: jobs,
  'Knowledge Hub': content,
  Macros: macros,
  Messages: messages,
  News: news,
  'Office hours': officeHours,
  'Reporting export': reportingDataExport,
  Segments: segments,
  'Subscription types': subscriptionTypes,
  Switch: phoneSwitch,
  Teams: teams,
  'Ticket states': ticketStates,
  'Ticket type attributes': ticketTypeAttributes,
  'Ticket types': ticketTypes,
  Tickets: tickets,
  Visitors: visitors,
  Workflows: workflows,
};

/** Flat view keyed by action key; a key declared twice is a build error caught by the generator. */
export function allOperations(): Array<[string, OperationDecl, string]> {
  const out: Array<[string, OperationDecl, string]> = [];
  for (const [group, entries] of Object.entries(resources)) {
    for (const [key, decl] of Object.entries(entries)) out.push([key, decl, group]);
  }
  return out;
}
