import { spawn, type ChildProcess } from 'node:child_process';
import { killGroup, trackGroup, untrackGroup } from './cleanup';
import { rssMb } from './procs';
import { waitUntil } from './wait';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One runtime process (sailor, service run, ferryman, npm) started with `node <script>`, with all of its
 * stdout/stderr kept as lines: tests wait for log lines, print them on failure and scan them for secrets.
 * Started detached (own process group) so a stop or the emergency cleanup also reaches anything it spawned.
 */
export class RuntimeProcess {
  readonly lines: string[] = [];
  readonly startedAt = Date.now();
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private partial = '';

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ) {
    this.child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = this.child.pid;
    if (pid) trackGroup(pid);
    this.child.stdout?.on('data', (chunk: Buffer) => this.collect(chunk));
    this.child.stderr?.on('data', (chunk: Buffer) => this.collect(chunk));
    this.exited = new Promise<Exit>((resolve) => {
      this.child.once('error', (error) => {
        this.lines.push(`[harness] spawn failed: ${error.message}`);
        resolve({ code: -1, signal: null });
      });
      this.child.once('close', (code, signal) => {
        if (this.partial) this.lines.push(this.partial);
        this.partial = '';
        if (pid) {
          killGroup(pid); // reap anything the process left in its group
          untrackGroup(pid);
        }
        resolve({ code, signal });
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  rssMb(): number | undefined {
    return rssMb(this.pid);
  }

  /** Resolves with ms since spawn when a log line matches; rejects (with the log) on exit or timeout. */
  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<number> {
    let exit: Exit | undefined;
    void this.exited.then((e) => (exit = e));
    try {
      await waitUntil(`${this.name}: log line ${String(pattern)}`, () => {
        if (this.lines.some((line) => pattern.test(line))) return true;
        if (exit) throw new Error(`${this.name} exited (${exit.code ?? exit.signal}) before logging ${String(pattern)}`);
        return false;
      }, timeoutMs, 10);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- ${this.name} output ---\n${this.tail()}`, { cause: error });
    }
    return Date.now() - this.startedAt;
  }

  /** SIGTERM (the runtimes finish in-flight messages and exit 0), then SIGKILL the group if it hangs. */
  async stop(graceMs = 10_000): Promise<Exit & { ms: number }> {
    const began = Date.now();
    if (this.running) this.child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    const first = await Promise.race([this.exited, timer]);
    if (first === 'timeout') {
      this.lines.push(`[harness] ${this.name} ignored SIGTERM for ${graceMs} ms; SIGKILL`);
      killGroup(this.pid);
    }
    const exit = await this.exited;
    return { ...exit, ms: Date.now() - began };
  }

  /** The whole output as one string. */
  text(): string {
    return this.lines.join('\n');
  }

  tail(count = 60): string {
    return this.lines.slice(-count).join('\n');
  }

  /** Log lines that are bunyan JSON records, parsed. */
  records(): Array<Record<string, unknown>> {
    const out: Array<Record<string, unknown>> = [];
    for (const line of this.lines) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not JSON */
      }
    }
    return out;
  }

  private collect(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.lines.push(line);
  }
}
