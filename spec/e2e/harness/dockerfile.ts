/**
 * Reads what the runtime stage of a (multi-stage) Dockerfile would run: the ENTRYPOINT (exec form) and the
 * ENV settings of the last stage. Enough for the e2e suite to start the pruned tree exactly like the image.
 */
export interface RuntimeStage {
  entrypoint: string[];
  env: Record<string, string>;
}

export function runtimeStage(dockerfile: string): RuntimeStage {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ') // line continuations
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  const stage = lines.slice(Math.max(lastFrom, 0));
  const env: Record<string, string> = {};
  let entrypoint: string[] | undefined;
  for (const line of stage) {
    const [, instruction = '', rest = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (/^ENV$/i.test(instruction)) {
      for (const [, key = '', value = ''] of rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
        env[key] = value.replace(/^"|"$/g, '');
      }
    } else if (/^ENTRYPOINT$/i.test(instruction)) {
      const parsed = JSON.parse(rest) as unknown;
      if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string') || parsed.length === 0) {
        throw new Error(`ENTRYPOINT is not in exec form: ${rest}`);
      }
      entrypoint = parsed;
    }
  }
  if (!entrypoint) throw new Error('the runtime stage of the Dockerfile has no ENTRYPOINT');
  return { entrypoint, env };
}
