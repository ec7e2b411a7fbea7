/**
 * Measured figures go to stdout as one greppable line each, so CI logs and the issue note can quote them:
 * `[e2e-metric] rabbitmq_start_ms=3105`.
 */
export function metric(name: string, value: number | string, unit = ''): void {
  const shown = typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;
  process.stdout.write(`[e2e-metric] ${name}=${shown}${unit ? ` (${unit})` : ''}\n`);
}
