/** Content negotiation of the non-JSON endpoints: Intercom refuses an Accept header that excludes the file type. */
import { ApiError } from '../errors';
import { headerValue, type SandboxRequest } from '../http';

/** With `strict`, only the exact type counts (Intercom's content-export download refuses a wildcard). */
export function accepts(req: SandboxRequest, type: string, strict: boolean): boolean {
  const accept = headerValue(req.headers, 'accept');
  if (accept === undefined || accept === '') return !strict;
  return accept.split(',').some((part) => {
    const t = part.split(';')[0]?.trim().toLowerCase();
    return t === type || (!strict && (t === '*/*' || t === `${type.split('/')[0]}/*`));
  });
}

export function notAcceptable(type: string): ApiError {
  return new ApiError(406, 'not_acceptable', `This endpoint only answers ${type}; send Accept: ${type}`);
}
