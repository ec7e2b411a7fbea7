import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finds processes by a marker in their environment. RabbitMQ is started through `su`, which opens a new session,
 * so its Erlang VM, helpers and epmd are outside our process group; all of them inherit the unique
 * RABBITMQ_NODENAME we set, which makes them findable without touching anyone else's processes.
 */
export function pidsWithEnv(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (env.split('\0').includes(marker)) found.push(pid);
    } catch {
      /* process vanished or is not ours to read */
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resident set size of a live process in MB, from /proc (undefined once it has exited). */
export function rssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
