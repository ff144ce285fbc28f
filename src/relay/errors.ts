// The relay's client-facing error shape, {ok:false,error:{code,field?,message}}, and its status codes.
// Messages are written for the caller's developer; they never carry a stack, a path or an errno.

export interface ApiError {
  status: number;
  code: string;
  /** The request field at fault, e.g. `to[2]` or `from.name`. */
  field?: string;
  message: string;
  /** Extra response headers (Retry-After, Allow, WWW-Authenticate). */
  headers?: Record<string, string>;
}

export function apiError(status: number, code: string, message: string, field?: string): ApiError {
  return field === undefined ? { status, code, message } : { status, code, field, message };
}

/** The JSON body of an error response. */
export function errorBody(error: ApiError): string {
  const inner: Record<string, string> = { code: error.code };
  if (error.field !== undefined) inner.field = error.field;
  inner.message = error.message;
  return JSON.stringify({ ok: false, error: inner });
}
