import { createServer } from 'node:net';

/**
 * A port the kernel just handed out on 127.0.0.1 and we released again. There is a tiny race until the user of
 * the port binds it; fixed ports would be worse (parallel CI jobs, a developer's own RabbitMQ on 5672).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** True if nothing listens on `port` on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Free port in [min, max). Erlang's CLI tools (rabbitmqctl) pick their own distribution port at the node's
 * dist port + 10000, so the node's dist port must stay below 55535: the kernel's ephemeral range can't promise that.
 */
export async function freePortInRange(min: number, max: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = min + Math.floor(Math.random() * (max - min));
    if ((await isPortFree(port)) && (await isPortFree(port + 10000))) return port;
  }
  throw new Error(`no free port found in [${min}, ${max})`);
}
