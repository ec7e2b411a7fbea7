/**
 * Benchmark 1: the per-call cost of an action's process() (compiled dist/) against a local server, next to a
 * bare keep-alive axios call and a bare keep-alive node:http call to the same server, measured side by side
 * in one process. The sides take turns round by round (the order rotates), so machine noise hits all of
 * them; each figure is a median over rounds and each ratio the median of the per-round ratios.
 *
 * The local server answers one fixed contact, not the sandbox: the figure is the component's own cost per call,
 * and a server doing real work (routing, state, rate-limit windows) would add its time to every side and hide it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import type * as ActionModule from '../lib/operation/action';
import { ensureBuilt, fromDist, median } from './shared';

const CONTACT = JSON.stringify({ type: 'contact', id: '6543', email: 'ada@example.com', name: 'Ada', custom_attributes: { plan: 'pro' } });

export interface SideResult {
  name: string;
  micros: number;
  /** Median of the per-round ratios to process(). */
  ratioToProcess: number;
}

export interface CallOverheadResult {
  callsPerSide: number;
  inFlight: number;
  sides: SideResult[];
  /** process() / bare axios and process() / node:http, medians of the per-round ratios. */
  vsAxios: number;
  vsHttp: number;
}

type Side = () => Promise<unknown>;

/** `inFlight` calls of one side at a time, `perRound` calls in all; µs per call (wall time / calls). */
async function timeRound(side: Side, perRound: number, inFlight: number): Promise<number> {
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
  return Number(process.hrtime.bigint() - started) / 1000 / perRound;
}

export async function callOverhead(options: { rounds?: number; perRound?: number; inFlight?: number } = {}): Promise<CallOverheadResult> {
  const rounds = options.rounds ?? 31;
  const perRound = options.perRound ?? 200;
  const inFlight = options.inFlight ?? 1;
  const { forOperation } = fromDist('operation/action') as typeof ActionModule;
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'bench' });
    res.end(CONTACT);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const quiet = { debug: (): void => undefined, info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined };
    const step = { logger: quiet, emit: (): Promise<void> => Promise.resolve() };
    const action = forOperation('getContact');
    const cfg = { accessToken: 'tok_bench_0123456789', baseUrl: base };
    const msg = { body: { contact_id: '6543' } };
    const bareAxios = axios.create({ baseURL: base, httpAgent: new http.Agent({ keepAlive: true }) });
    const axiosNoRedirects = axios.create({ baseURL: base, httpAgent: new http.Agent({ keepAlive: true }), maxRedirects: 0 });
    const agent = new http.Agent({ keepAlive: true });
    const bareHttp = (): Promise<unknown> =>
      new Promise((resolve, reject) => {
        http
          .get(`${base}/contacts/6543`, { agent, headers: { Accept: 'application/json' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
            });
          })
          .on('error', reject);
      });
    const sides: Array<[string, Side]> = [
      ['action `process()` (validation, envelope, retries, rate-limit pacing, logging)', () => action.process.call(step, msg, cfg, {})],
      ['bare keep-alive axios GET (axios defaults)', () => bareAxios.get('/contacts/6543').then((r) => r.data as unknown)],
      ['bare keep-alive axios GET with `maxRedirects: 0` (as the runtime configures it)', () => axiosNoRedirects.get('/contacts/6543').then((r) => r.data as unknown)],
      ['bare keep-alive node:http GET (the floor)', bareHttp],
    ];
    // Warm-up: JIT, schema compilation, sockets.
    for (const [, side] of sides) for (let i = 0; i < 400; i++) await side();
    const times: number[][] = sides.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < sides.length; k++) {
        const index = (k + r) % sides.length;
        times[index]!.push(await timeRound(sides[index]![1], perRound, inFlight));
      }
    }
    const processTimes = times[0]!;
    const ratio = (index: number): number => median(processTimes.map((p, r) => times[index]![r]! / p));
    return {
      callsPerSide: rounds * perRound,
      inFlight,
      sides: sides.map(([name], index) => ({ name, micros: median(times[index]!), ratioToProcess: ratio(index) })),
      vsAxios: 1 / ratio(1),
      vsHttp: 1 / ratio(3),
    };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (require.main === module) {
  ensureBuilt();
  void callOverhead().then((r) => {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\nprocess()/axios = ${r.vsAxios.toFixed(3)}x, process()/node:http = ${r.vsHttp.toFixed(3)}x\n`);
  });
}
