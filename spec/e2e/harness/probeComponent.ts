import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './cleanup';

/**
 * A throw-away component that knows nothing about Intercom. The harness self-test runs it, so a
 * red harness test means "the harness or the runtime setup is broken", not "the component is broken".
 * node_modules is a symlink to the repository's, which holds the sailor and ferryman.
 */
export function writeProbeComponent(componentRoot: string): string {
  const dir = makeTempDir('probe');
  mkdirSync(join(dir, 'lib'));
  symlinkSync(join(componentRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'e2e-probe', version: '1.0.0', private: true }));
  writeFileSync(
    join(dir, 'component.json'),
    JSON.stringify({
      title: 'E2E probe',
      description: 'harness self-test',
      credentials: { fields: { apiKey: { label: 'API key', viewClass: 'PasswordFieldView', required: true } } },
      actions: { echo: { title: 'Echo', main: './lib/echo.js', metadata: { in: {}, out: {} } } },
    }),
  );
  writeFileSync(
    join(dir, 'lib', 'echo.js'),
    `'use strict';
// sailor: process(msg, cfg, snapshot); ferryman adds (headers, tokenData).
exports.process = async function processAction(msg, cfg, snapshot, headers, tokenData) {
  if (tokenData) return { data: { echo: msg.data, fn: tokenData.function, key: cfg.key }, metadata: msg.metadata };
  const body = msg.body || {};
  if (body.fail) throw new Error('probe failure ' + body.fail);
  if (body.rebound) {
    await this.emit('rebound', new Error('probe rebound'));
    await this.emit('end');
    return undefined;
  }
  return { body: { echo: body, step: cfg.stepField } };
};
`,
  );
  writeFileSync(
    join(dir, 'verifyCredentials.js'),
    `'use strict';
module.exports = async function verify(cfg) {
  if (cfg.apiKey === 'good') return { verified: true };
  return { verified: false, reason: 'probe: bad key' };
};
`,
  );
  return dir;
}
