/**
 * Environment for a runtime child: ours, minus anything that would change how the runtime behaves behind the
 * test's back: inherited ELASTICIO_* settings, INTERCOM_* component settings (a developer's real token or
 * tunables), NODE_ENV=test (silences every sailor/ferryman log line, and we scan those lines), LOG_LEVEL, and
 * proxy settings (runtime traffic is loopback; npm keeps them, it may need a proxy to reach the registry).
 */
export function childEnv(extra: Record<string, string>, { keepProxies = false } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(ELASTICIO|INTERCOM)_/.test(name) || name === 'NODE_ENV' || name === 'LOG_LEVEL') continue;
    if (!keepProxies && /^(https?|no|all)_proxy$/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, LOG_LEVEL: 'info', ...extra };
}
