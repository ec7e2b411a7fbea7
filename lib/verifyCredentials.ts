import { readCredentials } from './runtime/credentials';
import { safeLogger } from './runtime/logger';
import { identify } from './runtime/region';

interface VerificationResult {
  verified: boolean;
  reason?: string;
}

/**
 * Called by the sailor's service mode. It always resolves to `{verified, reason?}`: a bare `false`, a throw
 * without a reason, or a module that fails to load would all be reported as "verified" by the sailor.
 */
async function verifyCredentials(this: unknown, cfg: unknown): Promise<VerificationResult> {
  const logger = safeLogger((this as { logger?: unknown } | undefined)?.logger);
  try {
    const credentials = readCredentials(cfg);
    const { identity, region } = await identify(credentials, logger);
    logger.info(
      `Intercom credentials verified: admin ${identity.email ?? identity.id ?? 'unknown'}, workspace ${identity.app?.id_code ?? 'unknown'}, region ${region}`,
    );
    return { verified: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`Intercom credentials not verified: ${reason}`);
    return { verified: false, reason };
  }
}

export = verifyCredentials;
