import { redact } from './redact';

/** Kinds of failure a flow user must tell apart; they decide retry, rebound or step error. */
export type ErrorKind = 'input' | 'configuration' | 'intercom' | 'rateLimit' | 'network' | 'timeLimit';

export abstract class ComponentError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(message: string) {
    super(redact(message));
    this.name = new.target.name;
  }
}

/** Bad input: detected before any request is sent. */
export class InputValidationError extends ComponentError {
  readonly kind = 'input';
  constructor(
    readonly operation: string,
    readonly problems: string[],
  ) {
    super(`Invalid input for ${operation}: ${problems.join('; ')}`);
  }
}

/** Bad credentials or step configuration: detected before any request is sent. */
export class ConfigurationError extends ComponentError {
  readonly kind = 'configuration';
}

export interface IntercomErrorDetail {
  code: string;
  message: string;
  field?: string;
}

/** An HTTP error answered by Intercom (or whatever answered at its address). */
export class IntercomApiError extends ComponentError {
  readonly kind: ErrorKind = 'intercom';
  constructor(
    readonly status: number,
    readonly errors: IntercomErrorDetail[],
    readonly requestId: string | undefined,
    readonly operation: string,
    readonly mergedInto?: string,
    /** Why the component did what it did, e.g. that a create was not retried. */
    readonly note?: string,
  ) {
    super(IntercomApiError.describe(status, errors, requestId, operation, mergedInto, note));
  }

  get code(): string | undefined {
    return this.errors[0]?.code;
  }

  private static describe(
    status: number,
    errors: IntercomErrorDetail[],
    requestId: string | undefined,
    operation: string,
    mergedInto: string | undefined,
    note: string | undefined,
  ): string {
    const codes = [...new Set(errors.map((e) => e.code).filter(Boolean))].join(',');
    const text = errors
      .map((e) => (e.field ? `${e.message} (field ${e.field})` : e.message))
      .filter(Boolean)
      .join('; ');
    let message = `Intercom ${status}${codes ? ` ${codes}` : ''}: ${text || 'no error details in the response'}`;
    // Intercom's own text usually names the contact already; the id is added only when it does not.
    if (mergedInto && !text.includes(mergedInto)) message += `; the contact was merged into contact ${mergedInto}`;
    if (note) message += `; ${note}`;
    if (requestId) message += ` (request_id ${requestId})`;
    return `${message} in ${operation}`;
  }
}

/** 429s beyond the retry budget: the platform should try the message again later (rebound). */
export class RateLimitExhaustedError extends IntercomApiError {
  override readonly kind = 'rateLimit';
}

/** No HTTP answer at all (timeout, reset, DNS, refused). */
export class NetworkError extends ComponentError {
  readonly kind = 'network';
  constructor(
    readonly operation: string,
    readonly code: string,
    detail: string,
    /** The host asked, so "no network" and "wrong base URL" read differently. */
    readonly host?: string,
  ) {
    super(`Intercom request${host ? ` to ${host}` : ''} failed without a response (${code}: ${detail}) in ${operation}`);
  }
}

/** A bound of time or size ran out (the message's whole time, an answer larger than is read into memory). */
export class LimitExceededError extends ComponentError {
  readonly kind = 'timeLimit';
}

/**
 * A failure that may pass (an outage, a timeout, a rate limit) where the step must not give a final answer, such as
 * a governed delete: the platform tries the message again later (rebound), as for RateLimitExhaustedError.
 */
export class RetryLaterError extends ComponentError {
  readonly kind: ErrorKind;
  constructor(
    message: string,
    readonly failure: Error,
  ) {
    super(message);
    this.kind = failure instanceof ComponentError ? failure.kind : 'network';
  }
}
