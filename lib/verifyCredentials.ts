import { type Credentials, readCredentials, SIGN_IN_LABELS } from './runtime/credentials';
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
  let credentials: Credentials | undefined;
  try {
    credentials = readCredentials(cfg);
    const { identity, region } = await identify(credentials, logger);
    logger.info(
      `Intercom credentials verified with ${SIGN_IN_LABELS[credentials.signIn]}: admin ${identity.email ?? identity.id ?? 'unknown'}, workspace ${identity.app?.id_code ?? 'unknown'}, region ${region}`,
    );
    return { verified: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The sign-in that was tried, so a user with several filled in knows which one failed.
    const reason = credentials ? `${message} (sign-in used: ${SIGN_IN_LABELS[credentials.signIn]})` : message;
    logger.warn(`Intercom credentials not verified: ${reason}`);
    return { verified: false, reason };
  }
}

export = verifyCredentials;
