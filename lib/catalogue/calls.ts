import { resource } from './types';

export default resource({
  listCalls: {
    op: 'GET /calls',
    title: 'Calls: List',
    description: 'Lists the phone calls of the workspace.',
    paginate: 'page',
    itemsPath: 'data',
  },
  getCall: {
    op: 'GET /calls/{call_id}',
    title: 'Calls: Get',
    description: 'Fetches one phone call by id.',
  },
  getCallRecording: {
    op: 'GET /calls/{call_id}/recording',
    title: 'Calls: Get recording URL',
    description: 'Returns the short-lived signed URL of the recording of a call, or (Deliver as: file) the recording itself as a file attachment.',
  },
  getCallTranscript: {
    op: 'GET /calls/{call_id}/transcript',
    title: 'Calls: Get transcript',
    description: 'Returns the transcript of a call as text.',
  },
  searchCalls: {
    op: 'POST /calls/search',
    title: 'Calls: Get with transcripts',
    description: 'Fetches several calls by conversation id, each with its transcript when there is one.',
    risk: 'read',
    idempotent: true,
    paginate: 'whole',
    itemsPath: 'data',
  },
  registerFinVoiceCall: {
    op: 'POST /fin_voice/register',
    title: 'Calls: Register Fin Voice call',
    description: 'Tells Intercom about a call answered by Fin Voice through an external telephony provider.',
  },
  getFinVoiceCall: {
    op: 'GET /fin_voice/collect/{id}',
    title: 'Calls: Get Fin Voice call',
    description: 'Fetches the outcome and transcript of a Fin Voice call by its Intercom id.',
  },
  getFinVoiceCallByExternalId: {
    op: 'GET /fin_voice/external_id/{external_id}',
    title: 'Calls: Get Fin Voice call by external id',
    description: 'Fetches the outcome and transcript of a Fin Voice call by your telephony call id.',
  },
  getFinVoiceCallByPhoneNumber: {
    op: 'GET /fin_voice/phone_number/{phone_number}',
    title: 'Calls: Get Fin Voice call by phone number',
    description: 'Fetches the most recent Fin Voice call from a phone number.',
  },
  listFinVoiceCallsForConversation: {
    op: 'GET /fin_voice/conversation/{conversation_id}',
    title: 'Calls: List Fin Voice calls of conversation',
    description: 'Fetches the Fin Voice calls linked to a conversation.',
    notPaged: 'the answer is a bare JSON array (emitted as { data }), with nothing to page',
  },
});
