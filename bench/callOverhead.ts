/**
 * Benchmark 1: the per-call cost of an action's process() against a local server, next to a bare keep-alive
 * axios call and a bare node:http call to the same server, measured side by side in one process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { forOperation } from '../lib/runtime/action';

export interface CallOverheadResult {
  calls: number;
  processMicros: number;
  axiosMicros: number;
  httpMicros: number;
}

const CONTACT = JSON.stringify({ type: 'contact', id: '6543', email: 'ada@example.com', name: 'Ada', custom_attributes: { plan: 'pro' } });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeRounds(rounds: number, perRound: number, fn: () => Promise<unknown>): Promise<number> {
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) await fn();
    perCall.push(Number(process.hrtime.bigint() - started) / 1000 / perRound);
  }
  return median(perCall);
}

export async function callOverhead(rounds = 15, perRound = 200): Promise<CallOverheadResult> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'bench' });
    res.end(CONTACT);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const step = { logger: quiet, emit: (): Promise<void> => Promise.resolve() };
    const action = forOperation('getContact');
    const cfg = { accessToken: 'tok_bench_0123456789', baseUrl: base };
    const msg = { body: { contact_id: '6543' } };
    const bareAxios = axios.create({ baseURL: base, httpAgent: new http.Agent({ keepAlive: true }) });
    const agent = new http.Agent({ keepAlive: true });
    const bareHttp = (): Promise<unknown> =>
      new Promise((resolve, reject) => {
        http
          .get(`${base}/contacts/6543`, { agent, headers: { Accept: 'application/json' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          })
          .on('error', reject);
      });
    const runProcess = (): Promise<void> => action.process.call(step, msg, cfg, {});
    const runAxios = (): Promise<unknown> => bareAxios.get('/contacts/6543').then((r) => r.data);
    // warm-up: JIT, schema compilation, sockets
    for (let i = 0; i < 300; i++) {
      await runProcess();
      await runAxios();
      await bareHttp();
    }
    // Interleave the three so machine noise hits them alike.
    const p: number[] = [];
    const a: number[] = [];
    const h: number[] = [];
    for (let r = 0; r < rounds; r++) {
      p.push(await timeRounds(1, perRound, runProcess));
      a.push(await timeRounds(1, perRound, runAxios));
      h.push(await timeRounds(1, perRound, bareHttp));
    }
    return { calls: rounds * perRound, processMicros: median(p), axiosMicros: median(a), httpMicros: median(h) };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (require.main === module) {
  void callOverhead().then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\nprocess()/axios = ${(r.processMicros / r.axiosMicros).toFixed(3)}x, process()/node:http = ${(r.processMicros / r.httpMicros).toFixed(3)}x\n`);
  });
}
