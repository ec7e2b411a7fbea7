import { customAttributesMetaModel } from '../metadata/customAttributes';
import { selectAdmins, selectTeams, selectTicketTypes } from '../selectModels';
import { pollingTrigger } from './polling/engine';
import { ticketsSource } from './polling/sources/tickets';

/** Polling trigger: tickets created (or updated) since the last run. */
export = { process: pollingTrigger(ticketsSource), getMetaModel: customAttributesMetaModel('newOrUpdatedTickets', 'ticket'), selectAdmins, selectTeams, selectTicketTypes };
