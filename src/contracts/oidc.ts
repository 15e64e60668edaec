/**
 * Single sign-on through an OpenID Connect provider (issue 3 scope 3, ADR 0011): the shapes
 * of the SSO routes. The rules (matching, binding, MFA) are the oidc login service's.
 */
import { type Static, Type } from 'typebox';

/** What the login page needs to offer the SSO button. */
export const SsoOptionsSchema = Type.Object(
  { label: Type.Optional(Type.String({ description: 'Text of the SSO button, when configured' })) },
  { additionalProperties: false },
);
export type SsoOptions = Static<typeof SsoOptionsSchema>;

/**
 * The authorization response (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 `iss`). Open to other
 * parameters, because providers add their own (e.g. `session_state`); each known one is bounded.
 */
export const OidcCallbackQuerySchema = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    state: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    iss: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    error: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { additionalProperties: true },
);
export type OidcCallbackQuery = Static<typeof OidcCallbackQuerySchema>;
