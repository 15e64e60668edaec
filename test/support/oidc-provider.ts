/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1 and a free port, over plain
 * http (Concerto accepts http only for a loopback issuer). One confidential client with the
 * code flow and PKCE required. No login page: `authorize()` follows the authorization request
 * through the provider's own redirects and answers its login and consent interactions for the
 * account the test names, with the `amr`/`acr` the test chooses.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

export interface IdpAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  /** RFC 8176 authentication methods the provider asserts, e.g. ['pwd', 'otp']. */
  amr?: string[];
  acr?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Follows `authorizationUrl` through the provider, logging `account` in and granting consent,
   * and returns the URL the provider redirects the browser to (the client's callback, or an
   * error response).
   */
  authorize(authorizationUrl: string, account: IdpAccount): Promise<URL>;
  close(): Promise<void>;
}

/** Cookies of one browser at the provider: name → value, paths ignored (one host only). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Redirects followed before giving up (authorize → login → resume → consent → resume → callback). */
const MAX_HOPS = 10;

export async function startTestIdp(options: { redirectUri: string }): Promise<TestIdp> {
  const accounts = new Map<string, IdpAccount>();
  /** The account the running `authorize()` call logs in. */
  let current: IdpAccount | undefined;
  let provider: Provider | undefined;

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const idp = provider!;
    const details = await idp.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const account = current!;
      await idp.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub, amr: account.amr, acr: account.acr } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new idp.Grant({
      accountId: details.session!.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await idp.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch(() => {
        res.statusCode = 500;
        res.end();
      });
      return;
    }
    provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'concerto';
  const clientSecret = randomBytes(32).toString('base64url');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        // So that the ID token says when the user authenticated (Concerto's "MFA at").
        require_auth_time: true,
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'test-signing-key' } as JWK] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // amr and acr with the openid scope: the ID token always says how the user authenticated,
    // as most enterprise providers do (oidc-provider otherwise adds them only when requested).
    claims: {
      auth_time: null,
      iss: null,
      sid: null,
      openid: ['sub', 'amr', 'acr'],
      email: ['email', 'email_verified'],
    },
    features: { devInteractions: { enabled: false } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            ...(account.email === undefined ? {} : { email: account.email }),
            ...(account.emailVerified === undefined ? {} : { email_verified: account.emailVerified }),
          };
        },
      };
    },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    async authorize(authorizationUrl, account) {
      accounts.set(account.sub, account);
      current = account;
      const jar = new CookieJar();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < MAX_HOPS; hop++) {
        if (url.origin !== issuer) return url;
        const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.store(response);
        const location = response.headers.get('location');
        if (!location)
          throw new Error(
            `the provider answered ${response.status} at ${url.pathname}: ${await response.text()}`,
          );
        await response.arrayBuffer();
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
