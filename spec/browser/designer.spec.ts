import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { Page } from 'playwright-core';
import { INTERCOM_API_VERSION } from '../../lib/catalogue/apiVersion';
import { type DesignerProcess, type SandboxProcess, startDesignerProcess, startSandboxProcess } from '../tools/cli/runCli';
import { type Browser, openBrowser } from '../../scripts/browser';

/** The sandbox's own answer, read directly: the independent source of what the page should show. */
function sandboxGet(sandbox: SandboxProcess, path: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}${path}`, { headers: { Authorization: 'Bearer sandbox-token', 'Intercom-Version': INTERCOM_API_VERSION, Accept: 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The designer page in a real browser (Debian's chromium through playwright-core), started by the real command
 * against a running sandbox, driven by the accessible names a screen reader announces: the chooser labelled
 * "Action", inputs labelled by their titles, the "Run" button, the "Emitted messages" log.
 */
describe('designer page in a real browser', function () {
  this.timeout(90_000);
  let sandbox: SandboxProcess;
  let designer: DesignerProcess;
  let browser: Browser;
  let page: Page;

  const choose = async (key: string): Promise<void> => {
    await page.getByLabel('Action', { exact: true }).selectOption(key);
    await page.locator(`#configure[data-ready="${key}"]`).waitFor();
  };
  const runAndWait = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('#status').filter({ hasText: /^(done|failed|rebound)/ }).waitFor();
  };
  const emitted = () => page.getByRole('log', { name: 'Emitted messages' });

  before(async () => {
    sandbox = await startSandboxProcess(['--contacts', '5']);
    designer = await startDesignerProcess(['--port', sandbox.port]);
    browser = await openBrowser();
    page = browser.page;
    await page.goto(designer.pageUrl);
    await page.getByLabel('Action', { exact: true }).locator('option').first().waitFor({ state: 'attached' });
  });
  after(async () => {
    await browser?.close();
    await designer?.stop();
    await sandbox?.stop();
  });

  it('says it calls the sandbox, since no token is set', async () => {
    assert.match(await page.locator('#target').innerText(), /^Sandbox: .*running sandbox at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('searches by title or resource and shows each one with its risk', async () => {
    await page.getByLabel('Search by name, title or resource').fill('contacts delete');
    const options = await page.getByLabel('Action', { exact: true }).locator('option').allInnerTexts();
    assert.ok(options.length > 0 && options.every((text) => /delete/i.test(text)), options.join(' | '));
    assert.ok(options.some((text) => /\(deleteContact\) — destructive/.test(text)), options.join(' | '));
    await page.getByLabel('Search by name, title or resource').fill('');
  });

  it('pick an action, fill a field, run: the emitted message shows, with the request made', async () => {
    await choose('createContact');
    await page.getByLabel('Email', { exact: true }).fill('browser@example.com');
    await runAndWait();
    const message = emitted().getByRole('listitem').filter({ hasText: 'browser@example.com' });
    assert.equal(await message.count(), 1);
    assert.match(await message.innerText(), /"role": "user"/);
    assert.match(await page.locator('#requests').innerText(), /POST\s+\/contacts\s+200/);
    assert.match(await page.locator('#tree').innerText(), /custom_attributes/, 'the out-metadata tree beside the result');
  });

  it('a dropdown is filled live from the sandbox', async () => {
    await choose('assignConversation');
    const admins = ((await sandboxGet(sandbox, '/admins'))['admins'] as Array<{ id: string; name: string }>).map((a) => `${a.name} (${a.id})`);
    assert.ok(admins.length >= 2);
    const dropdown = page.getByLabel('Acting admin', { exact: true });
    await dropdown.locator('option', { hasText: admins[0] ?? '' }).waitFor({ state: 'attached' });
    const shown = (await dropdown.locator('option').allInnerTexts()).slice(1);
    assert.deepEqual(shown, admins);
  });

  it('the input form follows the object type chosen (dynamic metadata of the standard object actions)', async () => {
    await choose('lookupObject');
    await page.getByLabel('Object type', { exact: true }).selectOption('contacts');
    await page.getByLabel('or email', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('Intercom ID', { exact: true }).count(), 1);
    await page.getByLabel('Object type', { exact: true }).selectOption('tickets');
    await page.getByLabel('or email', { exact: true }).waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Intercom ID', { exact: true }).count(), 1);
  });

  it('a validation error is shown next to the field it names, and nothing is sent', async () => {
    await choose('createContentDataExport');
    await page.getByLabel('Created at after', { exact: true }).fill('2026-01-01T00:00:00');
    await page.getByLabel('Created at before', { exact: true }).fill('1767312000');
    await runAndWait();
    const after = page.locator('.field', { has: page.getByLabel('Created at after', { exact: true }) });
    assert.match(await after.locator('.field-error').innerText(), /names no time zone/);
    assert.equal(await page.getByLabel('Created at after', { exact: true }).getAttribute('aria-invalid'), 'true');
    const described = (await page.getByLabel('Created at after', { exact: true }).getAttribute('aria-describedby')) ?? '';
    const errorId = (await after.locator('.field-error').getAttribute('id')) ?? 'none';
    assert.ok(described.split(' ').includes(errorId), 'the error is the field’s accessible description');
    assert.equal(await page.locator('.field', { has: page.getByLabel('Created at before', { exact: true }) }).locator('.field-error').isVisible(), false);
    assert.equal(await page.locator('#requests tr').count(), 0, 'no request was sent');
  });

  it('a trigger run twice emits only what changed, its snapshot kept between runs', async () => {
    const total = (await sandboxGet(sandbox, '/contacts?per_page=1'))['total_count'] as number;
    await choose('newOrUpdatedContacts');
    await page.getByLabel('Start time (first run)', { exact: true }).fill('2000-01-01T00:00:00Z');
    await runAndWait();
    const dataMessages = (): Promise<number> => emitted().locator('li.data').count();
    assert.equal(await dataMessages(), total, 'the first run emits every contact');
    assert.equal(await emitted().locator('li.snapshot').count(), 1);
    assert.match(await page.locator('#status').innerText(), /snapshot kept for the next run/);
    assert.match(await page.locator('#snapshot').innerText(), /^Snapshot kept from the last run: \{/);
    await runAndWait();
    assert.equal(await dataMessages(), 0, 'nothing changed, nothing emitted');

    await choose('createContact');
    await page.getByLabel('Email', { exact: true }).fill('changed@example.com');
    await runAndWait();
    assert.match(await page.locator('#status').innerText(), /^done: 1 data message/);
    await choose('newOrUpdatedContacts');
    await page.getByLabel('Start time (first run)', { exact: true }).fill('2000-01-01T00:00:00Z');
    await runAndWait();
    assert.equal(await dataMessages(), 1, `only the new contact: ${await emitted().innerText()} ${await page.locator('#log').innerText()} ${await page.locator('#snapshot').innerText()}`);
    assert.match(await emitted().locator('li.data').innerText(), /changed@example\.com/);
  });

  it('nested objects are groups and lists take items; the body built from them reaches Intercom', async () => {
    const contact = (((await sandboxGet(sandbox, '/contacts?per_page=1'))['data'] as Array<{ id: string }>)[0] ?? { id: '' }).id;
    await choose('createConversation');
    const from = page.getByRole('group', { name: 'From', exact: false });
    await from.getByLabel('Type', { exact: true }).selectOption({ label: 'user' });
    await from.getByLabel('ID', { exact: true }).fill(contact);
    await page.getByLabel('Body', { exact: true }).fill('Hello from the designer');
    await page.getByRole('button', { name: 'Add to Attachment URLs' }).click();
    await page.getByLabel('Attachment URLs 1', { exact: true }).fill('https://example.com/a.png');
    await page.getByText('Message body as JSON').click();
    assert.deepEqual(JSON.parse(await page.locator('#body-preview').innerText()), {
      from: { type: 'user', id: contact },
      body: 'Hello from the designer',
      attachment_urls: ['https://example.com/a.png'],
    });
    await runAndWait();
    assert.match(await page.locator('#status').innerText(), /^done: 1 data message/);
    assert.match(await page.locator('#requests').innerText(), /POST\s+\/conversations\s+200/);
  });
});
