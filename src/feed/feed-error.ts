/**
 * Why a feed could not be shown. `kind` is what the UI localizes (components map it to a message);
 * `message` is English detail for developers and the console.
 */
export type FeedErrorKind =
  | 'network' // no response at all (offline, DNS, connection refused)
  | 'blocked' // the browser refused a cross-origin response (CORS)
  | 'timeout'
  | 'http' // a response with a non-2xx status
  | 'parse' // the body is not valid JSON/XML
  | 'format'; // the body parsed but is not a feed we can read

export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** HTTP status, for kind `http`. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * `reason` as a `FeedError`: itself if it is one, else one of `kind` that carries its message. Told
 * by its name, not `instanceof`: a page with two copies of the library shares one feed store, so a
 * widget may get an error made by the other copy's class, and must still show its kind.
 */
export const asFeedError = (reason: unknown, kind: FeedErrorKind): FeedError =>
  (reason as FeedError)?.name == 'FeedError' ? (reason as FeedError) : new FeedError(kind, String((reason as Error)?.message ?? reason), undefined, { cause: reason });
