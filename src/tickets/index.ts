export {
  TicketSchema,
  TicketDraftSchema,
  TicketChoiceSchema,
  TicketCallbackSchema,
  TICKET_KINDS,
  TICKET_STATUSES,
  CHOICE_VIAS,
  type Ticket,
  type TicketDraft,
} from './ticket';
export {
  ticketRefFor,
  isTicketRef,
  isDepartementCode,
  crockfordBase32,
  TICKET_REF_PATTERN,
  DEPARTEMENT_CODE_PATTERN,
  UNKNOWN_DEPARTEMENT_SEGMENT,
} from './ref';
export {
  createTicketStore,
  TicketValidationError,
  TicketCorruptError,
  TicketConflictError,
  territoryOfTicket,
  monthOf,
  ALL_TERRITORIES_INDEX,
  type TicketStore,
  type TicketStoreOptions,
} from './ticket-store';
