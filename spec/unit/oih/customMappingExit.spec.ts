/**
 * An idle customMapping evaluator must not keep the step's process alive (customMapping.ts unrefs the child and
 * its channel): a process that evaluated a mapping and has nothing else to do ends by itself, as a sailor or
 * ferryman process must when its work is done.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

describe('customMapping: an idle evaluator does not keep the process alive', function () {
  this.timeout(60_000);

  it('a process that evaluated a mapping ends by itself, with the mapping\'s result printed', async () => {
    const module = join(__dirname, '..', '..', '..', 'lib', 'oih', 'customMapping.ts');
    const script = `require(${JSON.stringify(module)}).evaluateMapping('{"data": data + 1}', { data: 41 }).then((r) => console.log(JSON.stringify(r)));`;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const ended = await new Promise<number | string>((resolve) => {
      // Well past a cold start of tsx and JSONata on a loaded machine; an evaluator holding the process open never ends.
      const timer = setTimeout(() => resolve('still running'), 30_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code ?? -1);
      });
    });
    if (ended === 'still running') child.kill('SIGKILL');
    assert.deepEqual([ended, out.trim()], [0, '{"data":42}']);
  });
});
