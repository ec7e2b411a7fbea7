import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from './harness/cleanup';
import { runCommand } from './harness/command';
import { FAST_WAITS_ENV, stepConfig } from './harness/component';
import { FakePlatform } from './harness/fakePlatform';
import { seededContactId, servedContact, startIntercom, type SandboxHandle } from './harness/intercom';
import { metric } from './harness/metrics';
import type { RabbitNode } from './harness/rabbit';
import { copyRepository } from './harness/repoCopy';
import { withSailorStep } from './harness/sailorStep';
import { COMPONENT_ROOT, sharedRabbit } from './harness/suite';

/**
 * elastic.io's build of this repository without a Docker engine. With `buildType: docker` the platform's
 * component-build-helper generates the image's Dockerfile (elastic.io docs, "component-build-configuration",
 * "Custom Dockerfile" shows what it generates) unless the repository has its own root Dockerfile: COPY . ./ (the
 * context less .dockerignore) → `npm install --no-audit` (dev dependencies included, so `prepare` compiles the
 * TypeScript) → `npm test` → `npm prune --production` → `rm -rf spec* .circleci README.md LICENSE .idea`; the
 * image's entrypoint is only tini, and the platform starts the sailor in it. This test runs those steps in a
 * temporary copy, then the real sailor from the pruned tree, which must process a message.
 * Needs the npm registry (or a warm npm cache) for `npm install`.
 */
describe('e2e: elastic.io build sequence (npm install → npm test → prune → sailor)', function () {
  this.timeout(900_000);
  let dir: string;
  let rabbit: RabbitNode;
  let platform: FakePlatform | undefined;
  let sb: SandboxHandle | undefined;
  const began = Date.now();

  before(() => {
    dir = makeTempDir('eio-build');
  });

  after(async () => {
    await sb?.close();
    await platform?.close();
    if (dir) removeTempDir(dir);
  });

  it('component.json asks for the docker build, and no root Dockerfile replaces the generated one', () => {
    const manifest = JSON.parse(readFileSync(join(COMPONENT_ROOT, 'component.json'), 'utf8')) as { buildType?: string };
    assert.equal(manifest.buildType, 'docker');
    // A root Dockerfile would be built instead of elastic.io's; the OIH image's (ferryman) lives in docker/.
    assert.ok(!existsSync(join(COMPONENT_ROOT, 'Dockerfile')), 'a root Dockerfile would replace the image elastic.io generates');
  });

  it('builds: the context, npm install (prepare compiles), npm test, npm prune --production, the clean-up', async () => {
    const files = copyRepository(COMPONENT_ROOT, dir);
    metric('eio_build_context_files', files, 'git-tracked + untracked-not-ignored, less .dockerignore');
    assert.ok(!existsSync(join(dir, 'dist')), 'the copy starts without dist/');
    const install = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], dir, 600_000);
    metric('eio_build_npm_install_ms', install.ms);
    assert.ok(existsSync(join(dir, 'dist', 'actions', 'getContact.js')), 'npm install did not compile dist/ (prepare)');
    // elastic.io's builder is not this repository's CI: no CI variable and no Intercom description beside the
    // copy, so the tests that measure against the description skip there (they run in this CI run itself).
    const test = await runCommand('npm', ['test'], dir, 600_000, { CI: '' });
    metric('eio_build_npm_test_ms', test.ms);
    assert.match(test.output, /\d+ passing/);
    const prune = await runCommand('npm', ['prune', '--production', '--no-audit', '--no-fund'], dir, 180_000);
    metric('eio_build_prune_ms', prune.ms);
    for (const name of ['spec', '.circleci', 'README.md', 'LICENSE', '.idea']) rmSync(join(dir, name), { recursive: true, force: true });

    const packageJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    for (const dev of Object.keys(packageJson.devDependencies ?? {})) {
      assert.ok(!existsSync(join(dir, 'node_modules', dev)), `devDependency ${dev} survived npm prune --production`);
    }
    assert.ok(existsSync(join(dir, 'node_modules', 'elasticio-sailor-nodejs', 'run.js')), 'the sailor is a production dependency');
    assert.ok(existsSync(join(dir, 'dist', 'actions', 'getContact.js')), 'dist/ survived the prune');
  });

  it('the pruned tree runs the real sailor, which processes a getContact message', async () => {
    assert.ok(existsSync(join(dir, 'dist')), 'the build step did not run');
    rabbit = await sharedRabbit();
    platform = await FakePlatform.start();
    sb = await startIntercom({ seed: { contacts: 3 } });
    const intercom = sb;
    const contactId = seededContactId(intercom, 2);
    await withSailorStep(
      { componentRoot: dir, amqpUrl: rabbit.url, platform, functionName: 'getContact', config: stepConfig(intercom.url), extraEnv: FAST_WAITS_ENV },
      async ({ topology }) => {
        topology.publish({ contact_id: contactId });
        const [out] = await topology.data.waitFor(1, 20_000);
        assert.deepEqual(out?.value?.body, servedContact(intercom, contactId));
        assert.equal(topology.errors.messages.length, 0);
      },
    );
    metric('eio_build_total_ms', Date.now() - began, 'copy + npm install + npm test + prune + sailor + one message');
  });
});
