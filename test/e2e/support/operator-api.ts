/**
 * The demo operator's API, for journeys that need an account the demo does not have (an invited
 * user without a second factor): logged in with a recovery code so that no journey replays a
 * TOTP code, and calling the same routes as the operator console.
 */
import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import type { SessionInfo } from '../../../src/contracts/auth.js';
import type { User, UserRole } from '../../../src/contracts/identity.js';
import type { IssuedInvitation } from '../../../src/contracts/invitations.js';
import { demoUser } from './journey.js';

export async function operatorApi(request: APIRequestContext, recoveryCodeIndex: number) {
  const operator = demoUser('operator');
  const login = await request.post('/api/auth/login', {
    data: {
      email: operator.email,
      password: operator.password,
      recoveryCode: operator.recoveryCodes[recoveryCodeIndex],
    },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as SessionInfo;
  const headers = { 'x-csrf-token': csrfToken };
  return {
    async createUser(input: {
      organisationId: string;
      email: string;
      displayName: string;
      roles: UserRole[];
    }) {
      const response = await request.post('/api/admin/users', { data: input, headers });
      expect(response.status()).toBe(201);
      return (await response.json()) as User;
    },
    async invite(userId: string, language: string) {
      const response = await request.post(`/api/admin/users/${userId}/invitation`, {
        data: { language },
        headers,
      });
      expect(response.status()).toBe(201);
      return (await response.json()) as IssuedInvitation;
    },
  };
}
