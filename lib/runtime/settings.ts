/**
 * Tunables of the HTTP runtime. Defaults suit production; the environment can shorten them (the end-to-end
 * suite does), and unit tests assign them directly.
 */
export interface RuntimeSettings {
  /** Whole time of one request attempt: connecting, the headers and, for a buffered answer, its last byte. */
  timeoutMs: number;
  /** A streamed body (a download) that delivers no byte for this long is abandoned. */
  streamIdleMs: number;
  /** Whole time of one message (every page, retry, wait and emit of it); then the step fails. */
  messageTimeoutMs: number;
  /** Largest answer (success or error) read into memory. */
  maxResponseBytes: number;
  /**
   * Largest request body sent (JSON, files base64-encoded inside it): checked before any file is read or any
   * request sent (requestSize.ts). The attachment limit (lib/files/limits.ts) fits under it.
   */
  maxRequestBytes: number;
  /**
   * Largest download once decompressed: an export (as rows or as one file), a recording, one attached file.
   * Reading stops at this many bytes.
   */
  maxDownloadBytes: number;
  /**
   * Largest ratio of decompressed to compressed bytes of a gzipped download, checked once
   * `RATIO_CHECKED_AFTER_BYTES` have come out: a CSV export compresses some 5 to 20 times, a gzip bomb a thousand.
   */
  maxCompressionRatio: number;
  /** Largest single data message built from several pages (JSON, UTF-8 bytes); below the platforms' 10 MiB. */
  maxMessageBytes: number;
  /** Retries after a 408/5xx/network failure of an idempotent request. */
  maxRetries: number;
  /** Retries after a 429 before giving up and asking the platform to rebound the message. */
  maxRateLimitRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * Longest single wait for a rate-limit window (Intercom's windows are 10 s, so a later reset is not believed);
   * one request waits at most maxRateLimitRetries times this in total.
   */
  maxRateLimitWaitMs: number;
  /** Start pacing requests when less than this share of the window's allowance is left. */
  slowDownBelow: number;
  /** Hard stop for a paginated read whose "next" never ends. */
  maxPages: number;
  /** Whole time of one evaluation of a JSONata custom mapping (in a worker thread, stopped at the bound). */
  mappingTimeoutMs: number;
  /** Heap of the worker thread that evaluates custom mappings, in MiB. */
  mappingMemoryMb: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** A time or size bound: above zero (0 would abort every request) and within what a timer can hold (~24 days). */
function envBound(name: string, fallback: number): number {
  const value = envNumber(name, fallback);
  return value > 0 && value <= 2_147_483_647 ? value : fallback;
}

export const settings: RuntimeSettings = {
  timeoutMs: envBound('INTERCOM_HTTP_TIMEOUT_MS', 30_000),
  streamIdleMs: envBound('INTERCOM_STREAM_IDLE_MS', 30_000),
  messageTimeoutMs: envBound('INTERCOM_MESSAGE_TIMEOUT_MS', 60 * 60_000),
  maxResponseBytes: envBound('INTERCOM_MAX_RESPONSE_BYTES', 16 * 1024 * 1024),
  // 12 MiB of files base64-encoded are 16 MiB; the 17th is for the rest of the message.
  maxRequestBytes: envBound('INTERCOM_MAX_REQUEST_BYTES', 17 * 1024 * 1024),
  maxMessageBytes: envBound('INTERCOM_MAX_MESSAGE_BYTES', 5 * 1024 * 1024),
  maxDownloadBytes: envBound('INTERCOM_MAX_DOWNLOAD_BYTES', 1024 * 1024 * 1024),
  maxCompressionRatio: envBound('INTERCOM_MAX_COMPRESSION_RATIO', 100),
  maxRetries: envNumber('INTERCOM_MAX_RETRIES', 3),
  maxRateLimitRetries: envNumber('INTERCOM_MAX_RATE_LIMIT_RETRIES', 5),
  retryBaseMs: envNumber('INTERCOM_RETRY_BASE_MS', 1_000),
  retryMaxMs: envNumber('INTERCOM_RETRY_MAX_MS', 15_000),
  maxRateLimitWaitMs: envNumber('INTERCOM_MAX_RATE_LIMIT_WAIT_MS', 15_000),
  slowDownBelow: 0.1,
  maxPages: envNumber('INTERCOM_MAX_PAGES', 100_000),
  mappingTimeoutMs: envBound('INTERCOM_MAPPING_TIMEOUT_MS', 5_000),
  mappingMemoryMb: envBound('INTERCOM_MAPPING_MEMORY_MB', 64),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};
