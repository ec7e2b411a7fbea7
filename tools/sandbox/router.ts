/**
 * Method + path-template routing without a framework. Literal segments beat parameters position by
 * position, so `/contacts/search` wins over `/contacts/{contact_id}` whatever the registration order.
 * An unknown path and a known path with an unsupported method both miss: Intercom answers 404 for
 * both, never 405.
 */
import type { Reply, SandboxRequest } from './http';

export type Handler = (req: SandboxRequest) => Reply | Promise<Reply>;

export interface RouteOptions {
  /** What the route answers; a mismatching Accept header gets 406. */
  produces?: 'json' | 'octet-stream' | 'text' | 'any';
  /** Synthesized fallbacks lose ties against hand-written routes. */
  fallback?: boolean;
}

interface Route {
  method: string;
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
  handler: Handler;
  options: RouteOptions;
}

export interface RouteMatch {
  template: string;
  handler: Handler;
  params: Record<string, string>;
  options: RouteOptions;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** `/contacts/{contact_id}` and `/contacts/{id}` are the same route: compare shapes, not names. */
export function templateShape(method: string, template: string): string {
  return `${method.toUpperCase()} ${template.replace(/\{[^}]+\}/g, '{}')}`;
}

export class Router {
  private readonly routes: Route[] = [];
  private readonly shapes = new Set<string>();

  add(method: string, template: string, handler: Handler, options: RouteOptions = {}): void {
    const shape = templateShape(method, template);
    if (this.shapes.has(shape)) {
      if (options.fallback === true) return; // a hand-written route already answers this operation
      throw new Error(`duplicate sandbox route ${shape}`);
    }
    this.shapes.add(shape);
    this.routes.push({
      method: method.toUpperCase(),
      template,
      segments: splitPath(template).map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s })),
      handler,
      options,
    });
  }

  get(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('GET', template, handler, options);
  }

  post(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('POST', template, handler, options);
  }

  put(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('PUT', template, handler, options);
  }

  delete(template: string, handler: Handler, options?: RouteOptions): void {
    this.add('DELETE', template, handler, options);
  }

  has(method: string, template: string): boolean {
    return this.shapes.has(templateShape(method, template));
  }

  match(method: string, rawPath: string): RouteMatch | undefined {
    const parts = splitPath(rawPath);
    let best: { route: Route; params: Record<string, string>; score: number[] } | undefined;
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i];
        const part = parts[i];
        if (seg === undefined || part === undefined) {
          ok = false;
        } else if ('literal' in seg) {
          ok = seg.literal === part;
          score.push(1);
        } else {
          let decoded: string;
          try {
            decoded = decodeURIComponent(part);
          } catch {
            decoded = part;
          }
          params[seg.param] = decoded;
          score.push(0);
        }
      }
      if (!ok) continue;
      score.push(route.options.fallback === true ? 0 : 1);
      if (best === undefined || compareScores(score, best.score) > 0) best = { route, params, score };
    }
    if (best === undefined) return undefined;
    return { template: best.route.template, handler: best.route.handler, params: best.params, options: best.route.options };
  }
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
