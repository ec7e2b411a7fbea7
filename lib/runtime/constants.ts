import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Root of the installed component: this file lives in lib/runtime (tsx) or dist/runtime (built). */
export const PACKAGE_ROOT = join(__dirname, '..', '..');

export const COMPONENT_NAME = 'intercom-component';

export const COMPONENT_VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export const USER_AGENT = `${COMPONENT_NAME}/${COMPONENT_VERSION} (elastic.io; Open Integration Hub)`;

/** Intercom's regional API hosts; the only hosts called unless a base URL is set explicitly. */
export const REGION_HOSTS = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
} as const;

export type Region = keyof typeof REGION_HOSTS;
