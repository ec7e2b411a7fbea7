import { FILE_INPUTS } from '../catalogue/fields';
import { MAX_ATTACHMENT_URLS } from '../catalogue/files';
import { attachmentFilesFor } from '../files/attachmentFiles';
import { callOperation, type Config, convenienceAction, type Input, text } from './common';
import { adminOf, requireActingAdmin } from './conversation';

const CONTACT_KEYS = ['intercom_user_id', 'user_id', 'email'] as const;

/** A mapper often hands over "a.png, b.png" or one URL per line instead of a list. */
function prepare(input: Input): void {
  const urls = input['attachment_urls'];
  if (typeof urls === 'string') input['attachment_urls'] = urls.split(/[\s,]+/).filter(Boolean);
}

function check(input: Input, cfg: Config): string[] {
  const problems: string[] = [];
  const asContact = input['reply_as'] === 'contact';
  const given = CONTACT_KEYS.filter((name) => text(input[name]) !== undefined);
  if (asContact) {
    if (given.length !== 1) problems.push('field intercom_user_id: a contact reply needs exactly one of intercom_user_id, user_id or email');
    if (input['message_type'] != null && input['message_type'] !== 'comment') {
      problems.push('field message_type: a contact can only reply with a comment; notes are for admins');
    }
  } else {
    problems.push(...requireActingAdmin(input, cfg));
    for (const name of given) problems.push(`field ${name}: only used when reply_as is contact`);
  }
  const urls = input['attachment_urls'];
  if (Array.isArray(urls)) {
    if (urls.length > MAX_ATTACHMENT_URLS) problems.push(`field attachment_urls: at most ${MAX_ATTACHMENT_URLS} URLs; got ${urls.length}`);
    urls.forEach((url, index) => {
      if (typeof url === 'string' && !/^https?:\/\/[^\s/]+/i.test(url)) problems.push(`field attachment_urls.${index}: "${url}" is not an http(s) URL`);
    });
  }
  return problems;
}

export const action = convenienceAction(
  async (run) => {
    const { input } = run;
    const urls = Array.isArray(input['attachment_urls']) && input['attachment_urls'].length > 0 ? { attachment_urls: input['attachment_urls'] } : {};
    const { [FILE_INPUTS.attachments]: selection, ...rest } = input;
    const files = await attachmentFilesFor(run.key, selection, run.ctx.incoming.attachments, false, rest);
    let author: Input;
    if (input['reply_as'] === 'contact') {
      const key = CONTACT_KEYS.find((name) => text(input[name]) !== undefined) ?? 'intercom_user_id';
      author = { message_type: 'comment', type: 'user', [key]: input[key] };
    } else {
      author = { message_type: input['message_type'] ?? 'comment', type: 'admin', admin_id: adminOf(run) };
    }
    const response = await callOperation(run, 'replyConversation', {
      conversation_id: input['conversation_id'],
      ...author,
      body: input['body'],
      ...urls,
      ...(files ? { attachment_files: files } : {}),
    });
    await run.ctx.emitData(response.data);
  },
  { prepare, check },
);
