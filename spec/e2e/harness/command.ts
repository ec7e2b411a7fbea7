import { childEnv } from './childEnv';
import { RuntimeProcess } from './runtimeProcess';

export interface CommandResult {
  ms: number;
  output: string;
}

/** Runs a build command (npm …) to completion; throws with the output tail on a non-zero exit or timeout. */
export async function runCommand(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
  extraEnv: Record<string, string> = {},
): Promise<CommandResult> {
  const proc = new RuntimeProcess(`${command} ${args.join(' ')}`, command, args, {
    cwd,
    env: childEnv(extraEnv, { keepProxies: true }),
  });
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const exit = await Promise.race([proc.exited, timer]);
  if (exit === 'timeout') {
    await proc.stop(2_000);
    throw new Error(`${proc.name} did not finish within ${timeoutMs} ms\n${proc.tail(40)}`);
  }
  if (exit.code !== 0) throw new Error(`${proc.name} exited ${exit.code ?? exit.signal}\n${proc.tail(40)}`);
  return { ms: Date.now() - proc.startedAt, output: proc.text() };
}
