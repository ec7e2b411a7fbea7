/**
 * A stand-in for the `this` the sailor passes to process(): records emits and log lines. Kept free of nock, whose
 * interceptors (active once imported) stall on very long request lines that the suites send to a real server.
 */
export interface Emitted {
  event: string;
  payload: unknown;
}

export class FakeStep {
  readonly emitted: Emitted[] = [];
  readonly logs: string[] = [];
  failEmitOn?: (event: string, payload: unknown) => boolean;

  readonly logger = {
    debug: (m: string): void => void this.logs.push(`debug ${m}`),
    info: (m: string): void => void this.logs.push(`info ${m}`),
    warn: (m: string): void => void this.logs.push(`warn ${m}`),
    error: (m: string): void => void this.logs.push(`error ${m}`),
  };

  emit = (event: string, payload?: unknown): Promise<void> => {
    if (this.failEmitOn?.(event, payload)) return Promise.reject(new Error(`emit ${event} failed`));
    this.emitted.push({ event, payload });
    return Promise.resolve();
  };

  events(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }

  /** Bodies of the data messages (sailor envelope). */
  bodies(): unknown[] {
    return this.events('data').map((m) => (m as { body: unknown }).body);
  }
}
