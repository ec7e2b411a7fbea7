/**
 * The attachments of a step at the exact limits: the request body they make (base64 and all) against the request
 * cap, byte for byte, before any read; and the room left for files whose size was not declared, while reading.
 * Expected bodies are written out by hand as the JSON Intercom would get; their lengths are the limits used.
 */
import assert from 'node:assert/strict';
import { planAttachmentFiles, readAttachmentFiles, selectedNames, incomingAttachments } from '../../../lib/files/attachmentFiles';
import { fileLimits } from '../../../lib/files/limits';
import { settings } from '../../../lib/runtime/settings';
import { InputValidationError } from '../../../lib/runtime/errors';
import { offlineRuntime } from '../../helpers/context';
import { localStorageForSuite } from '../../helpers/localStorage';

describe('files: attachments against the request cap, at the exact byte', () => {
  offlineRuntime({ allowLoopback: true });
  const storage = localStorageForSuite();
  const savedCap = settings.maxRequestBytes;
  const savedLimit = fileLimits.maxAttachmentBytes;
  afterEach(() => {
    settings.maxRequestBytes = savedCap;
    fileLimits.maxAttachmentBytes = savedLimit;
  });

  const text = (size: number): { url: string; size: number; 'content-type': string } => ({ url: 'https://files.example.com/x', size, 'content-type': 'text/plain' });
  /** The planned names, or the error's text. */
  const plan = (rest: Record<string, unknown>, attachments: Record<string, unknown>): string[] | string => {
    try {
      return planAttachmentFiles('replyConversation', 'all', attachments, false, rest).map((f) => f.name);
    } catch (error) {
      assert.ok(error instanceof InputValidationError, String(error));
      return error.message;
    }
  };

  it('one file beside the rest of the body: a cap of exactly the body is met; one byte less refuses it, naming the body\'s bytes', () => {
    const wire = '{"body":"hi","attachment_files":[{"name":"a.txt","content_type":"text/plain","data":"AAAA"}]}';
    settings.maxRequestBytes = wire.length;
    assert.deepEqual(plan({ body: 'hi' }, { 'a.txt': text(3) }), ['a.txt']);
    settings.maxRequestBytes = wire.length - 1;
    const refused = plan({ body: 'hi' }, { 'a.txt': text(3) });
    assert.match(String(refused), new RegExp(`^Invalid input for replyConversation: field attachments: the request body would be ${wire.length} bytes, over the limit of ${wire.length - 1} bytes`));
    // Room for files: the cap less the body around the data (88 bytes), three bytes per four characters.
    assert.match(String(refused), /the 1 selected file\(s\) are 3 bytes \(the largest, "a\.txt", 3 bytes\).*at most 2 bytes together with this message/);
  });

  it('two files: the comma between their entries and each file\'s base64 length (4 bytes are 8 characters) count', () => {
    const wire =
      '{"body":"hi","attachment_files":[{"name":"a.txt","content_type":"text/plain","data":"AAAA"},{"name":"b.txt","content_type":"text/plain","data":"AAAAAAAA"}]}';
    settings.maxRequestBytes = wire.length;
    assert.deepEqual(plan({ body: 'hi' }, { 'a.txt': text(3), 'b.txt': text(4) }), ['a.txt', 'b.txt']);
    settings.maxRequestBytes = wire.length - 1;
    assert.match(String(plan({ body: 'hi' }, { 'a.txt': text(3), 'b.txt': text(4) })), new RegExp(`the request body would be ${wire.length} bytes.*the largest, "b\\.txt", 4 bytes`));
  });

  it('files alone in the body: no comma before the property', () => {
    const wire = '{"attachment_files":[{"name":"a.txt","content_type":"text/plain","data":"AAAA"}]}';
    settings.maxRequestBytes = wire.length;
    assert.deepEqual(plan({}, { 'a.txt': text(3) }), ['a.txt']);
    settings.maxRequestBytes = wire.length - 1;
    assert.match(String(plan({}, { 'a.txt': text(3) })), new RegExp(`the request body would be ${wire.length} bytes`));
  });

  it('a file whose size was not declared reads up to the room the body has left, and not a byte more, naming that room', async () => {
    // With a 3-byte file the body is exactly the cap; room for files: 4 characters, 3 bytes.
    const wire = '{"attachment_files":[{"name":"u.bin","content_type":"application/octet-stream","data":"AAAA"}]}';
    settings.maxRequestBytes = wire.length;
    const three = storage().put(Buffer.from('abc'));
    const four = storage().put(Buffer.from('abcd'));
    const fits = planAttachmentFiles('replyConversation', 'all', { 'u.bin': { url: three.signedUrl } });
    assert.deepEqual(await readAttachmentFiles('replyConversation', fits), [{ name: 'u.bin', content_type: 'application/octet-stream', data: 'YWJj' }]);
    const over = planAttachmentFiles('replyConversation', 'all', { 'u.bin': { url: four.signedUrl } });
    await assert.rejects(
      readAttachmentFiles('replyConversation', over),
      (error: Error) =>
        error.message ===
        `Attachment "u.bin" could not be read from the platform's storage: it is 4 bytes, over the 3 bytes of files the request body has room for (INTERCOM_MAX_REQUEST_BYTES ${wire.length}, files base64-encoded); send fewer or smaller files, or a link to them instead; nothing was sent to Intercom (replyConversation)`,
    );
  });

  it('exactly 10 selected files are planned (Intercom\'s limit); 11 are refused naming the count', () => {
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, text(1)]));
    assert.equal((plan({}, ten) as string[]).length, 10);
    assert.match(String(plan({}, { ...ten, f10: text(1) })), /field attachments: Intercom takes at most 10 files per request; 11 were selected$/);
  });

  it('files within the attachment limit each and together at exactly the limit are planned; one byte more together is refused', () => {
    fileLimits.maxAttachmentBytes = 100;
    assert.deepEqual(plan({}, { a: text(60), b: text(40) }), ['a', 'b']);
    assert.match(String(plan({}, { a: text(60), b: text(41) })), /field attachments: the selected files are 101 bytes together, over the limit of 100 bytes of files per request$/);
    // One file over it is named alone, not again as the total.
    assert.equal(plan({}, { a: text(101) }), 'Invalid input for replyConversation: field attachments: "a" is 101 bytes, over the limit of 100 bytes of files per request');
    assert.deepEqual(plan({}, { a: text(100) }), ['a']);
  });
});

describe('files: which attachments a step selects', () => {
  const available = ['a.pdf', 'b.png'];

  it('nothing, null or empty text select none; "all" selects every one', () => {
    for (const value of [undefined, null, '']) assert.deepEqual(selectedNames(value, available), { names: [], problems: [] });
    assert.deepEqual(selectedNames('all', available), { names: ['a.pdf', 'b.png'], problems: [] });
  });

  it('one text of names separated by commas or lines, spaces trimmed, each name once', () => {
    assert.deepEqual(selectedNames(' b.png ,\na.pdf,, b.png\n', available), { names: ['b.png', 'a.pdf'], problems: [] });
  });

  it('a list with a name that is not text, or blank, is refused naming its place', () => {
    assert.deepEqual(selectedNames(['a.pdf', 7, ' '], available).problems, ['field attachments.1: must be an attachment name', 'field attachments.2: must be an attachment name']);
  });

  it('a value that is neither text nor a list is refused', () => {
    assert.deepEqual(selectedNames({ name: 'a.pdf' }, available), { names: [], problems: ['field attachments: must be "all" or a list of attachment names'] });
  });

  it('a name the message lacks is refused, naming what it has, or "none"', () => {
    assert.deepEqual(selectedNames(['c.txt'], []).problems, ['field attachments: the incoming message has no attachment "c.txt" (it has: none)']);
    assert.deepEqual(selectedNames(['c.txt'], available).problems, ['field attachments: the incoming message has no attachment "c.txt" (it has: "a.pdf", "b.png")']);
  });
});

describe('files: the incoming message\'s attachments as the platform describes them', () => {
  it('entries without a URL, or not objects, are not attachments; a size is kept only when it is a number', () => {
    const found = incomingAttachments({
      ok: { url: 'https://s.example.com/1', size: '12', 'content-type': 'image/png' },
      nosize: { url: 'https://s.example.com/2', size: null, 'content-type': ' ' },
      bad: { url: 'https://s.example.com/3', size: 'twelve' },
      nourl: { size: 3 },
      text: 'https://s.example.com/4',
      none: null,
    });
    assert.deepEqual([...found.values()], [
      { name: 'ok', url: 'https://s.example.com/1', size: 12, contentType: 'image/png' },
      { name: 'nosize', url: 'https://s.example.com/2', contentType: 'application/octet-stream' },
      { name: 'bad', url: 'https://s.example.com/3', contentType: 'application/octet-stream' },
    ]);
  });

  it('no attachments at all (absent, null, text) is an empty set', () => {
    for (const value of [undefined, null, 'x']) assert.equal(incomingAttachments(value).size, 0);
  });
});
