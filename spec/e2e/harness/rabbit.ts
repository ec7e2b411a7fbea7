import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { killGroup, makeTempDir, onEmergency, removeTempDir, trackGroup, untrackGroup } from './cleanup';
import { freePort, freePortInRange } from './ports';
import { isAlive, pidsWithEnv } from './procs';
import { sleep } from './wait';

const execFileP = promisify(execFile);

const INSTALL_HINT = ' (Debian: apt-get update && apt-get install -y rabbitmq-server)';

export interface RabbitNode {
  /** amqp://guest:guest@127.0.0.1:<port> (guest is allowed from loopback only, which is all we use). */
  readonly url: string;
  readonly nodeName: string;
  /** Milliseconds from spawning the server until AMQP accepted a connection. */
  readonly startMs: number;
  /** Stops the node, kills leftovers (incl. our private epmd) and removes its directory. Never throws. */
  stop(): Promise<void>;
}

/**
 * Starts a private, throw-away RabbitMQ node (Debian's rabbitmq-server) on loopback, on random ports, with its
 * data in a temp dir, so tests never touch a developer's or CI's own broker and leave nothing behind.
 * epmd runs on a private port too (ERL_EPMD_PORT), so stopping it cannot disturb another Erlang node.
 */
export async function startRabbit(timeoutMs = 60_000): Promise<RabbitNode> {
  const dir = makeTempDir('rabbit');
  const [amqpPort, epmdPort, distPort] = [await freePort(), await freePort(), await freePortInRange(20000, 30000)];
  const nodeName = `intercom-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}@localhost`;
  const marker = `RABBITMQ_NODENAME=${nodeName}`;

  for (const sub of ['mnesia', 'log']) mkdirSync(join(dir, sub));
  // No plugins: a bare broker boots faster and needs no management port.
  writeFileSync(join(dir, 'enabled_plugins'), '[].\n');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownTree(dir, 'rabbitmq');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    // Point at files that do not exist so a machine-wide /etc/rabbitmq config cannot change our node.
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(epmdPort),
    // Non-root runs start the node directly; it needs a writable HOME for its Erlang cookie.
    ...(asRoot ? {} : { HOME: dir }),
  };

  // As root the Debian wrapper su's to user rabbitmq (the server refuses nothing, but its files must be its own).
  const command = asRoot ? 'rabbitmq-server' : '/usr/lib/rabbitmq/bin/rabbitmq-server';
  const started = Date.now();
  const child = spawn(command, [], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // ENOENT etc. arrive as an 'error' event; unhandled it would crash mocha instead of failing the hook.
  child.on('error', (error) => (output += `\n[harness] could not run ${command}: ${error.message}` + INSTALL_HINT));
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  if (child.pid) trackGroup(child.pid);
  // `su` opens a new session, so the VM and epmd escape our process group: find them by their environment.
  const unregister = onEmergency(() => killByMarker(marker));

  const url = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopNode(nodeName, env, child, marker);
    unregister();
    removeTempDir(dir);
  };

  try {
    await waitForAmqp(url, child, () => output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, nodeName, startMs: Date.now() - started, stop };
}

async function waitForAmqp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await connect(url);
      await connection.close();
      return;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || output().includes('[harness] could not run')) {
      throw new Error(`rabbitmq-server exited with ${child.exitCode} before AMQP answered:\n${output()}`);
    }
    if (Date.now() > deadline) throw new Error(`RabbitMQ did not answer AMQP within ${timeoutMs} ms:\n${output()}`);
    await sleep(100);
  }
}

async function stopNode(nodeName: string, env: NodeJS.ProcessEnv, child: ChildProcess, marker: string): Promise<void> {
  // A graceful stop first: it is fast (~0.5 s) and lets the VM close its files before we delete them.
  try {
    await execFileP('rabbitmqctl', ['-n', nodeName, 'stop'], { env, timeout: 20_000 });
  } catch {
    /* fall through to killing */
  }
  const deadline = Date.now() + 10_000;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await sleep(50);
  if (child.pid) {
    killGroup(child.pid);
    untrackGroup(child.pid);
  }
  // Leftovers outside the group: the VM if stop failed, erl_child_setup, and our private epmd.
  killByMarker(marker);
  const waitGone = Date.now() + 5_000;
  while (pidsWithEnv(marker).some(isAlive) && Date.now() < waitGone) await sleep(50);
}

function killByMarker(marker: string): void {
  for (const pid of pidsWithEnv(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function chownTree(path: string, user: string): void {
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  const walk = (p: string): void => {
    chownSync(p, uid, gid);
    if (statSync(p).isDirectory()) for (const entry of readdirSync(p)) walk(join(p, entry));
  };
  walk(path);
}
