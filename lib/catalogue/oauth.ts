/**
 * Intercom's OAuth 2.0 endpoints and the platform settings that carry the OAuth client. The component never calls
 * these itself: the platform runs the sign-in and hands the component the token. They are declared here once for
 * the manifest's `oauth2` block, the README and the auth clients an operator creates per region.
 */

/** Where a user authorises the app and where the platform exchanges the code, per hosting region. */
export const OAUTH_ENDPOINTS = {
  us: { label: 'United States', authorize: 'https://app.intercom.com/oauth', token: 'https://api.intercom.io/auth/eagle/token' },
  eu: { label: 'Europe', authorize: 'https://app.eu.intercom.com/oauth', token: 'https://api.eu.intercom.io/auth/eagle/token' },
  au: { label: 'Australia', authorize: 'https://app.au.intercom.com/oauth', token: 'https://api.au.intercom.io/auth/eagle/token' },
} as const;

/**
 * The region whose endpoints the manifest's `oauth2` block names (elastic.io's older OAuth form has one pair of
 * URLs per component). EU and AU workspaces sign in through an auth client of their region instead.
 */
export const MANIFEST_OAUTH_REGION = 'us' satisfies keyof typeof OAUTH_ENDPOINTS;

/** Environment variables of the component (set by the operator on the platform) holding the Intercom app's OAuth client. */
export const OAUTH_CLIENT_ENV = { clientId: 'INTERCOM_CLIENT_ID', clientSecret: 'INTERCOM_CLIENT_SECRET' } as const;

/**
 * The auth-client types component.json declares (`authClientTypes`). On elastic.io every credential of a component
 * that declares them is an auth secret made through an auth client of one of these types (even one without any
 * sign-in), and the declared list must match the auth clients exactly (elastic.io docs: "Understanding Secrets",
 * REST API component "Authorization methods"). `oauth2`: "Sign in with Intercom", the token kept and refreshed by the
 * platform; `noauth`: a credential whose fields carry a pasted access token (as elastic.io's Pinterest and
 * Snowflake components offer a No Auth type beside OAuth2).
 */
export const AUTH_CLIENT_TYPES = ['oauth2', 'noauth'] as const;
