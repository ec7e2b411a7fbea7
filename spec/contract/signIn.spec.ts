import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAUTH_ENDPOINTS } from '../../lib/catalogue/oauth';

const ROOT = join(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

interface Manifest {
  authClientTypes?: string[];
  envVars?: Record<string, { required: boolean; description: string }>;
  credentials: {
    fields: Record<string, { viewClass: string; required?: boolean }>;
    oauth2?: Record<string, unknown>;
  };
}
const manifest = JSON.parse(read('component.json')) as Manifest;

/** Intercom's endpoints as its developer docs give them (written here by hand, not read from the catalogue). */
const INTERCOM_OAUTH = {
  us: ['https://app.intercom.com/oauth', 'https://api.intercom.io/auth/eagle/token'],
  eu: ['https://app.eu.intercom.com/oauth', 'https://api.eu.intercom.io/auth/eagle/token'],
  au: ['https://app.au.intercom.com/oauth', 'https://api.au.intercom.io/auth/eagle/token'],
};

describe('contract: the sign-in forms component.json declares (elastic.io docs component-json-oauth, salesforce-component-v2)', () => {
  it('auth clients: authClientTypes ["oauth2", "noauth"] (every credential is a secret of a declared auth-client type), an OAuthFieldView field "oauth"', () => {
    // elastic.io "Understanding Secrets": a secret needs an auth client first, even without any sign-in (noauth); the
    // REST API component's docs: the declared types must match the auth clients exactly. The pasted-token credential
    // is the No Auth type, so both must be declared for both forms to be creatable.
    assert.deepEqual(manifest.authClientTypes, ['oauth2', 'noauth']);
    assert.equal(manifest.credentials.fields['oauth']?.viewClass, 'OAuthFieldView');
  });

  it('engines.node as elastic.io\'s build reads it ("<major>.x": the newest patch of that line), the major of the OIH image', () => {
    const pkg = JSON.parse(read('package.json')) as { engines?: { node?: string } };
    const engine = pkg.engines?.node ?? '';
    assert.match(engine, /^\d+\.x$/, `engines.node is ${JSON.stringify(engine)}`);
    const images = [...read('docker/oih.Dockerfile').matchAll(/^FROM node:(\d+)-alpine/gm)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const major of images) assert.equal(`${major}.x`, engine, 'docker/oih.Dockerfile runs another Node line');
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    assert.equal(lock.packages['']?.engines?.node, engine, 'package-lock.json records another engines.node');
  });

  it('the access token stays a choice: no credential field is required, the token field is a password field', () => {
    assert.equal(manifest.credentials.fields['accessToken']?.viewClass, 'PasswordFieldView');
    const required = Object.entries(manifest.credentials.fields).filter(([, field]) => field.required === true);
    assert.deepEqual(required, []);
  });

  it('older form: an oauth2 block with client id/secret from declared environment variables and https URIs', () => {
    const block = manifest.credentials.oauth2 ?? {};
    assert.deepEqual(Object.keys(block).sort(), ['auth_uri', 'client_id', 'client_secret', 'token_uri']);
    for (const [name, value] of Object.entries(block)) {
      assert.equal(typeof value, 'string', name);
      for (const [, variable] of String(value).matchAll(/\{\{\s*([A-Z0-9_]+)\s*\}\}/g)) {
        assert.ok(variable && manifest.envVars?.[variable], `${name} names ${variable}, which envVars does not declare`);
      }
    }
    assert.match(String(block['client_id']), /^\{\{[A-Z0-9_]+\}\}$/);
    assert.match(String(block['client_secret']), /^\{\{[A-Z0-9_]+\}\}$/);
    assert.deepEqual([block['auth_uri'], block['token_uri']], INTERCOM_OAUTH.us);
  });

  it("the catalogue's regional endpoints are Intercom's, and the README lists each of them", () => {
    const readme = read('README.md');
    for (const [region, [authorize, token]] of Object.entries(INTERCOM_OAUTH)) {
      const declared = OAUTH_ENDPOINTS[region as keyof typeof OAUTH_ENDPOINTS];
      assert.deepEqual([declared.authorize, declared.token], [authorize, token], region);
      assert.ok(readme.includes(`| ${declared.label} | \`${authorize}\` | \`${token}\` |`), `README lacks the ${region} endpoints row`);
    }
  });
});
