/**
 * Benchmark 1: the per-call cost of an action's process() (compiled dist/) against a local server, next to a
 * bare keep-alive axios call and a bare keep-alive node:http call to the same server, measured side by side
 * in one process, for a read (getContact, GET) and a create (createContact, POST with a JSON body).
 *
 * Every side makes the same HTTP exchange: the same request line, body and headers (an Intercom call carries the
 * token and the API version, so the bare sides send the headers the component sends), the same answer read whole
 * and parsed. Without that, the bare sides were spared the header work of a real Intercom call.
 *
 * The sides alternate in short blocks (the order rotates every round), so a burst of load on the shared machine
 * falls on every side alike; each figure is a median over the rounds and each ratio the median of the per-round
 * ratios (a round's sides ran within a few milliseconds of each other). Each block is timed by the wall clock and
 * by the CPU time of the process (process.cpuUsage): on a busy shared machine the wall clock mostly measures the
 * wait for a core, the CPU time what a call costs.
 *
 * The local server answers one fixed contact, not the sandbox: the figure is the component's own cost per call,
 * and a server doing real work (routing, state, rate-limit windows) would add its time to every side and hide it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import type * as ActionModule from '../lib/operation/action';
import type * as ConstantsModule from '../lib/runtime/constants';
import type * as ApiVersionModule from '../lib/catalogue/apiVersion';
import { ensureBuilt, fromDist, median } from './shared';

const CONTACT = JSON.stringify({ type: 'contact', id: '6543', email: 'ada@example.com', name: 'Ada', custom_attributes: { plan: 'pro' } });
/** What createContact sends: the same body on every side. */
const NEW_CONTACT = { role: 'user', email: 'ada@example.com', name: 'Ada' };

export type BenchOperation = 'getContact' | 'createContact';

export interface SideResult {
  name: string;
  /** Wall clock per call. */
  micros: number;
  /** Median of the per-round ratios to process(), wall clock. */
  ratioToProcess: number;
  /** CPU time of the process per call (user + system, every thread). */
  cpuMicros: number;
  /** Median of the per-round ratios to process(), CPU time. */
  cpuRatioToProcess: number;
}

export interface CallOverheadResult {
  operation: BenchOperation;
  rounds: number;
  perRound: number;
  inFlight: number;
  sides: SideResult[];
  /** process() / bare axios and process() / node:http, medians of the per-round ratios of the wall clock. */
  vsAxios: number;
  vsHttp: number;
  /** The same of the CPU time. */
  cpuVsAxios: number;
  cpuVsHttp: number;
  /** The middle half of the per-round CPU ratios process() / bare axios (first and third quartile): the noise of the figure. */
  cpuVsAxiosQuartiles: [number, number];
}

type Side = () => Promise<unknown>;

/** `inFlight` calls of one side at a time, `perRound` calls in all; µs per call (wall time and CPU time / calls). */
async function timeRound(side: Side, perRound: number, inFlight: number): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  if (inFlight === 1) {
    for (let i = 0; i < perRound; i++) await side();
  } else {
    let left = perRound;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (left-- > 0) await side();
      }),
    );
  }
  const wall = Number(process.hrtime.bigint() - started) / 1000 / perRound;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / perRound };
}

export interface CallOverheadOptions {
  operation?: BenchOperation;
  rounds?: number;
  perRound?: number;
  inFlight?: number;
}

export async function callOverhead(options: CallOverheadOptions = {}): Promise<CallOverheadResult> {
  const operation = options.operation ?? 'getContact';
  const rounds = options.rounds ?? 101;
  const perRound = options.perRound ?? 96;
  const inFlight = options.inFlight ?? 1;
  const { forOperation } = fromDist('operation/action') as typeof ActionModule;
  const server = http.createServer((req, res) => {
    // The whole request is read before the answer, as a real server does (the POST body included).
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'bench' });
      res.end(CONTACT);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const quiet = { debug: (): void => undefined, info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined };
    const step = { logger: quiet, emit: (): Promise<void> => Promise.resolve() };
    const action = forOperation(operation);
    const cfg = { accessToken: 'tok_bench_0123456789', baseUrl: base };
    const create = operation === 'createContact';
    const msg = { body: create ? NEW_CONTACT : { contact_id: '6543' } };
    const path = create ? '/contacts' : '/contacts/6543';
    // What the component sends with every request (client.ts httpFor); axios adds Content-Length and Accept-Encoding
    // on every side alike.
    const { USER_AGENT } = fromDist('runtime/constants') as typeof ConstantsModule;
    const { INTERCOM_API_VERSION } = fromDist('catalogue/apiVersion') as typeof ApiVersionModule;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${cfg.accessToken}`,
      'Intercom-Version': INTERCOM_API_VERSION,
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    const bareAxios = axios.create({ baseURL: base, httpAgent: new http.Agent({ keepAlive: true }), headers });
    const axiosNoRedirects = axios.create({ baseURL: base, httpAgent: new http.Agent({ keepAlive: true }), maxRedirects: 0, headers });
    const viaAxios = (instance: typeof bareAxios): Side =>
      create ? () => instance.post(path, NEW_CONTACT).then((r) => r.data as unknown) : () => instance.get(path).then((r) => r.data as unknown);
    const agent = new http.Agent({ keepAlive: true });
    const bareHttp = (): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const body = create ? JSON.stringify(NEW_CONTACT) : undefined;
        http
          .request(`${base}${path}`, { method: create ? 'POST' : 'GET', agent, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
            });
          })
          .on('error', reject)
          .end(body);
      });
    const sides: Array<[string, Side]> = [
      [`action \`process()\` (validation, envelope, retries, rate-limit pacing, logging)`, () => action.process.call(step, msg, cfg, {})],
      [`bare keep-alive axios ${create ? 'POST' : 'GET'} (axios defaults)`, viaAxios(bareAxios)],
      [`bare keep-alive axios ${create ? 'POST' : 'GET'} with \`maxRedirects: 0\` (as the runtime configures it)`, viaAxios(axiosNoRedirects)],
      [`bare keep-alive node:http ${create ? 'POST' : 'GET'} (the floor)`, bareHttp],
    ];
    // Warm-up: JIT, schema compilation, sockets.
    for (let i = 0; i < 3; i++) for (const [, side] of sides) await timeRound(side, 200, inFlight);
    const times: number[][] = sides.map(() => []);
    const cpuTimes: number[][] = sides.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (k + r) % sides.length;
        const { wall, cpu } = await timeRound(sides[index]![1], perRound, inFlight);
        times[index]!.push(wall);
        cpuTimes[index]!.push(cpu);
      }
    }
    const ratioOf = (of: number[][], index: number): number => median(of[0]!.map((p, r) => of[index]![r]! / p));
    return {
      operation,
      rounds,
      perRound,
      inFlight,
      sides: sides.map(([name], index) => ({
        name,
        micros: median(times[index]!),
        ratioToProcess: ratioOf(times, index),
        cpuMicros: median(cpuTimes[index]!),
        cpuRatioToProcess: ratioOf(cpuTimes, index),
      })),
      vsAxios: 1 / ratioOf(times, 1),
      vsHttp: 1 / ratioOf(times, 3),
      cpuVsAxios: 1 / ratioOf(cpuTimes, 1),
      cpuVsHttp: 1 / ratioOf(cpuTimes, 3),
      cpuVsAxiosQuartiles: quartiles(cpuTimes[1]!.map((bare, r) => cpuTimes[0]![r]! / bare)),
    };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function quartiles(values: readonly number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
  return [at(0.25), at(0.75)];
}

/** `npx tsx bench/callOverhead.ts [rounds] [perRound]`: fewer rounds while iterating (defaults 101 and 96). */
if (require.main === module) {
  ensureBuilt();
  const [rounds, perRound] = process.argv.slice(2).map(Number);
  void (async () => {
    for (const operation of ['getContact', 'createContact'] as const) {
      for (const inFlight of [1, 8]) {
        const r = await callOverhead({ operation, inFlight, ...(rounds ? { rounds } : {}), ...(perRound ? { perRound } : {}) });
        process.stdout.write(
          `${operation}, ${inFlight} in flight: process()/axios CPU ${r.cpuVsAxios.toFixed(3)}x, wall ${r.vsAxios.toFixed(3)}x; process()/node:http CPU ${r.cpuVsHttp.toFixed(3)}x, wall ${r.vsHttp.toFixed(3)}x ` +
            `(CPU ${r.sides.map((s) => s.cpuMicros.toFixed(0)).join(' / ')} µs; wall ${r.sides.map((s) => s.micros.toFixed(0)).join(' / ')} µs)\n`,
        );
      }
    }
  })();
}
