import assert from 'node:assert/strict';
import { startSandbox } from '../../tools/sandbox';
import { describe as describeFunction } from '../../tools/cli/describe';
import { allFunctions } from '../../tools/cli/manifest';
import { objectTypeChoices, type ObjectVerb } from '../../lib/catalogue/objectTypes';
import { runCli } from '../tools/cli/runCli';

/**
 * Every action's `describe` example, run as shown (the built command, a child process per step) against a fresh
 * sandbox: it must succeed and emit data. The standard object actions are run once per object type, each with the
 * example `describe --config '{"objectType":…}'` prints.
 */

interface Step {
  key: string;
  config?: string;
  input: string;
}

/** The command lines of the example block: `intercom-component run <key> [--config '<json>'] --input '<json>'`. */
function exampleSteps(text: string): Step[] {
  const unquote = (quoted: string): string => quoted.slice(1, -1).replace(/'\\''/g, "'");
  const steps: Step[] = [];
  for (const line of text.split('\n')) {
    const match = /^ {2}intercom-component run (\S+)(?: --config ('(?:[^']|'\\'')*'))? --input ('(?:[^']|'\\'')*')$/.exec(line);
    if (!match?.[1] || !match[3]) continue;
    steps.push({ key: match[1], ...(match[2] ? { config: unquote(match[2]) } : {}), input: unquote(match[3]) });
  }
  return steps;
}

const VERBS: Record<string, ObjectVerb> = { lookupObject: 'lookup', lookupObjects: 'lookupMany', upsertObject: 'upsert', deleteObject: 'delete' };

interface Case {
  name: string;
  key: string;
  config: Record<string, unknown>;
}

const cases: Case[] = allFunctions()
  .filter((f) => f.kind === 'action')
  .flatMap((f) => {
    const verb = VERBS[f.key];
    if (!verb) return [{ name: f.key, key: f.key, config: {} }];
    return Object.keys(objectTypeChoices(verb)).map((type) => ({ name: `${f.key} (${type})`, key: f.key, config: { objectType: type } }));
  });

describe("suite: every action's describe example runs against a fresh sandbox and emits data", function () {
  this.timeout(60_000);

  it(`covers every action (${cases.length} examples, the object actions once per object type)`, () => {
    assert.ok(cases.length > 250, `only ${cases.length} examples`);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const text = await describeFunction(c.key, c.config);
      const steps = exampleSteps(text);
      assert.ok(steps.length > 0 && steps[steps.length - 1]?.key === c.key, `no runnable example in:\n${text}`);
      // A person types the steps of an export example slower than the sandbox's two seconds per export job.
      const sandbox = await startSandbox({ exportJobMs: 0 });
      try {
        const port = new URL(sandbox.url).port;
        for (const step of steps) {
          const args = ['run', step.key, ...(step.config ? ['--config', step.config] : []), '--input', step.input];
          const result = await runCli(args, { INTERCOM_SANDBOX_PORT: port });
          assert.equal(result.code, 0, `${args.join(' ')}\n${result.stderr}`);
          const messages = result.stdout.split('\n').filter((line) => line.trim() !== '');
          assert.ok(messages.length > 0, `${args.join(' ')} emitted no data\n${result.stderr}`);
          for (const message of messages) JSON.parse(message);
        }
      } finally {
        await sandbox.close();
      }
    });
  }
});
