/**
 * Intercom's error envelope. Handlers throw ApiError; the server turns it into
 * `{"type":"error.list","request_id":…,"errors":[…]}` with the status and any extra headers.
 */
export interface ErrorItem {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ErrorItem[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, options: { field?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    const item: ErrorItem = { code, message };
    if (options.field !== undefined) item.field = options.field;
    this.errors = [item];
    this.headers = options.headers ?? {};
  }
}

export interface ErrorListBody {
  type: 'error.list';
  request_id: string;
  errors: ErrorItem[];
}

export function errorList(requestId: string, errors: ErrorItem[]): ErrorListBody {
  return { type: 'error.list', request_id: requestId, errors };
}

// Shorthands for the errors handlers raise most often. Messages are our own wording except where a
// client is known to match on Intercom's exact text (401 and the scroll restart message).

export function notFound(message = 'Resource Not Found', code = 'not_found'): ApiError {
  return new ApiError(404, code, message);
}

export function badRequest(message: string, code = 'parameter_invalid', field?: string): ApiError {
  return new ApiError(400, code, message, field === undefined ? {} : { field });
}

export function missingParameter(field: string): ApiError {
  return new ApiError(400, 'parameter_not_found', `${field} is required`, { field });
}

export function unprocessable(message: string, code = 'parameter_invalid'): ApiError {
  return new ApiError(422, code, message);
}

export function conflict(message: string, code = 'conflict'): ApiError {
  return new ApiError(409, code, message);
}
