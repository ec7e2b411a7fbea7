/**
 * npm run screenshot: the README's picture of the designer (docs/designer.png), taken with the browser the tests
 * drive (scripts/browser.ts) from the designer's own server and a sandbox, both in this process, as
 * `intercom-component designer` runs them.
 */
import { join } from 'node:path';
import { startDesigner } from '../tools/designer/server';
import { startSandbox } from '../tools/sandbox';
import { openBrowser } from './browser';

const OUTPUT = join(__dirname, '..', 'docs', 'designer.png');

async function main(): Promise<void> {
  const sandbox = await startSandbox({ seed: { contacts: 12 } });
  const designer = await startDesigner({
    connection: { accessToken: 'sandbox-token', baseUrl: sandbox.url },
    target: `INTERCOM_ACCESS_TOKEN is not set, so runs call a local Intercom sandbox with sample data at ${sandbox.url} (nothing leaves this machine).`,
    sandbox: true,
  });
  const browser = await openBrowser({ width: 1600, height: 1050 });
  try {
    const { page } = browser;
    await page.goto(designer.pageUrl);
    await page.getByLabel('Search by name, title or resource').fill('contacts list');
    await page.getByLabel('Action', { exact: true }).selectOption('listContacts');
    await page.getByLabel('Pages to fetch', { exact: true }).selectOption('all');
    await page.getByLabel('Emit', { exact: true }).selectOption('individually');
    await page.getByLabel('Page size', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('#status').filter({ hasText: /^done/ }).waitFor();
    await page.screenshot({ path: OUTPUT });
    process.stdout.write(`screenshot: ${OUTPUT}\n`);
  } finally {
    await browser.close();
    await designer.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
