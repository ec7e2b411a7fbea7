import type { FieldTexts, ResourceHelp } from './types';

/** Fin agent: talking to Fin through the API, and rating it. */

const user: FieldTexts = {
  id: 'Your own ID of the person talking to Fin (their user_id in Intercom); it keeps the conversation tied to them.',
  name: 'Name of the person talking to Fin.',
  email: 'Email address of the person talking to Fin.',
  attributes: 'Up to 10 details about the person as name → value pairs; Fin uses them to pick content and answers.',
};

const message: FieldTexts = {
  author: 'Who wrote the message: user (the person), agent (a human agent) or fin.',
  body: 'Text of the message, plain text or HTML; for a message to Fin, what the person wrote.',
  timestamp: 'When the message was written; the same message sent again within 5 minutes is dropped. Best with milliseconds.',
  timestamp_ms: 'Not needed when sending: Intercom sets it, to the millisecond, only on Fin’s own replies (the fin_replied webhook). Leave it empty.',
};

const attachment: FieldTexts = {
  type: 'url: a file at a public address; file: the file itself in data.',
  url: 'For url: public web address of the file.',
  name: 'For file (required there): file name, e.g. screenshot.png.',
  content_type: 'For file: media type, e.g. image/png.',
  data: 'For file: content of the file, Base64 encoded.',
};

const answer: FieldTexts = {
  conversation_id: 'Your ID of the conversation with Fin, as you started it.',
  user_id: 'Your own ID of the person talking to Fin.',
  status: 'Where Fin stands in the conversation: thinking, replying, awaiting_user_reply, escalated, resolved or complete.',
  created_at_ms: 'When the answer was made, to the millisecond, as an ISO 8601 date and time.',
  errors: 'Attributes Fin could not set, for the person and for the conversation, with why.',
  'errors.user': 'Person attributes that could not be set, under attributes: name → problem.',
  'errors.conversation': 'Conversation attributes that could not be set, under attributes: name → problem.',
  sse_subscription_url: 'Address to follow Fin’s reply as server-sent events, when they are on; its token is valid for 3 minutes.',
};

const prefixed = (prefix: string, texts: FieldTexts): FieldTexts => Object.fromEntries(Object.entries(texts).map(([name, text]) => [`${prefix}.${name}`, text]));

const conversationInput: FieldTexts = {
  conversation_id: 'Your own ID of the conversation with Fin (any ID from your system), e.g. ext-123; later replies and the rating use the same ID.',
  message: 'What the person wrote: { author: "user", body, timestamp }.',
  ...prefixed('message', message),
  'message.author': 'Who wrote the message: user for the person’s message to Fin (agent, a human agent, and fin are for earlier messages in history).',
  user: 'Who talks to Fin: { id, name, email, attributes }. id is required: your own ID of the person (their user_id in Intercom, not Intercom’s contact ID); attributes holds at most 10 entries.',
  ...prefixed('user', user),
  attachments: 'Files to send with the message, each { type: "url", url } or { type: "file", name, content_type, data }.',
  ...prefixed('attachments', attachment),
};

const help: ResourceHelp = {
  records: {
    fin_agent_user: user,
    fin_agent_message: message,
    fin_agent_attachment: attachment,
    fin_agent_attribute_errors: {
      user: 'Person attributes that could not be set.',
      'user.attributes': 'Attribute name → why it could not be set.',
      conversation: 'Conversation attributes that could not be set.',
      'conversation.attributes': 'Attribute name → why it could not be set.',
    },
    fin_agent_conversation_metadata: {
      history: 'Earlier messages of the conversation before Fin joined, oldest first, so Fin has the context.',
      ...prefixed('history', message),
      attributes: 'Up to 10 details about the conversation as name → value pairs, for Fin’s answers.',
    },
  },
  actions: {
    startFinConversation: {
      in: {
        ...conversationInput,
        conversation_metadata: 'What Fin should know first: earlier messages (history) and conversation attributes.',
        'conversation_metadata.history': 'Earlier messages of the conversation, each { author, body, timestamp }.',
        'conversation_metadata.attributes': 'Up to 10 details about the conversation as name → value pairs.',
      },
      out: answer,
    },
    replyToFin: {
      in: {
        ...conversationInput,
        conversation_id: 'Your own ID of the conversation with Fin, the same one Fin agent: Start conversation was given, e.g. ext-123.',
        message: 'What the person wrote next: { author: "user", body, timestamp }.',
      },
      out: answer,
    },
    submitFinCsat: {
      in: {
        conversation_id: 'Your own ID of the conversation with Fin, as you started it (the same one the csat_requested event names).',
        rating: 'How the person rated Fin, from terrible to amazing: the key of the option the person chose among those the rating request (the CSAT webhook event) offered.',
        remark: 'What the person wrote with the rating (optional). It can be added to an already rated conversation once; after a remark the rating can no longer change.',
      },
      out: {
        conversation_id: 'Your ID of the rated conversation.',
        rating: 'The rating that was recorded.',
        status: 'Always "rated" once the rating is recorded.',
      },
    },
  },
};

export default help;
