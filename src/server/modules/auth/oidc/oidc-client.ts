/**
 * Concerto as an OpenID Connect relying party, through `openid-client` (ARCHITECTURE §2):
 * discovery, the authorization request (code flow, PKCE S256, state, nonce, max_age) and the
 * code exchange, whose ID token openid-client validates (signature against the provider's
 * JWKS, iss, aud, exp, iat, nonce, auth_time within max_age; OIDC Core §3.1.3.7, RFC 9207
 * `iss`). Nothing here decides who may log in: that is the oidc login service's.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../../config.js';
import type { Claims } from './oidc-rules.js';

/** Seconds Concerto waits for the provider on each back-channel request. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcFailure =
  /** Discovery, token or UserInfo endpoint did not answer. */
  | 'provider_unreachable'
  /** The provider sent an error instead of a code (e.g. the user cancelled: access_denied). */
  | 'provider_error'
  /** The token endpoint refused the code: used before, expired, or PKCE verifier wrong. */
  | 'code_rejected'
  /** The authorization or token response, or the ID token, failed validation. */
  | 'response_invalid';

export class OidcProtocolError extends Error {
  constructor(readonly reason: OidcFailure) {
    super(`OpenID Connect: ${reason}`);
    this.name = 'OidcProtocolError';
  }
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ProviderIdentity {
  /** `iss` of the validated ID token. */
  issuer: string;
  subject: string;
  /** ID token claims, completed from UserInfo with the match claim when the ID token lacks it. */
  claims: Claims;
}

function failureOf(error: unknown): OidcFailure {
  if (error instanceof OidcProtocolError) return error.reason;
  if (error instanceof client.AuthorizationResponseError) return 'provider_error';
  if (error instanceof client.ResponseBodyError) return 'code_rejected';
  if (error instanceof client.ClientError) return 'response_invalid';
  return 'provider_unreachable';
}

/** http is accepted only for a loopback issuer (config.ts): development and tests. */
function isLoopbackHttp(issuer: string): boolean {
  return new URL(issuer).protocol === 'http:';
}

export function createOidcClient(settings: OidcConfig, options: { maxAgeSeconds: number }) {
  let discovered: Promise<client.Configuration> | undefined;

  /** Discovered once per process; a failed discovery is retried at the next sign-in. */
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          execute: isLoopbackHttp(settings.issuer) ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcProtocolError(failureOf(error));
      });
    return discovered;
  }

  return {
    async authorizationRequest(): Promise<AuthorizationRequest> {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        // The provider re-authenticates a user whose last authentication there is older than this.
        max_age: String(options.maxAgeSeconds),
        ...(settings.mfaAcr.length ? { acr_values: settings.mfaAcr.join(' ') } : {}),
      });
      return { url, state, nonce, codeVerifier };
    },

    /**
     * Redeems the code of `callbackQuery` (the raw query string of the request to the
     * redirect URI) and returns the validated identity.
     */
    async exchange(
      callbackQuery: string,
      expected: { state: string; nonce: string; codeVerifier: string },
    ): Promise<ProviderIdentity> {
      try {
        const config = await configuration();
        // The redirect URI as registered, never rebuilt from the request's Host header.
        const callback = new URL(settings.redirectUri);
        callback.search = callbackQuery;
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          maxAge: options.maxAgeSeconds,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new OidcProtocolError('response_invalid');
        let claims: Claims = idToken;
        if (idToken[settings.matchClaim] === undefined) {
          // Many providers put e-mail claims in UserInfo only; its `sub` must match the ID token's.
          const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...userInfo, ...idToken };
        }
        return { issuer: idToken.iss, subject: idToken.sub, claims };
      } catch (error) {
        throw new OidcProtocolError(failureOf(error));
      }
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
