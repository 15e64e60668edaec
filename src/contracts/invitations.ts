/**
 * Invitations (issue 3 scope 2): the operator issues a single-use link that expires after 72 h;
 * the invitee redeems it by choosing a password. The rules are the invitations service's.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { LanguageSchema } from './language.js';

const closed = { additionalProperties: false } as const;

/** The invitee's language, chosen by the operator: the mail is written in it. */
export const InvitationRequestSchema = Type.Object({ language: LanguageSchema }, closed);
export type InvitationRequest = Static<typeof InvitationRequestSchema>;

export const IssuedInvitationSchema = Type.Object(
  {
    invitationId: IdSchema,
    expiresAt: Type.String({ format: 'date-time' }),
    delivery: Type.Enum(['mail', 'operator'], {
      description: '`operator` when no mail server is configured: the link is then in `link`',
    }),
    link: Type.Optional(
      Type.String({
        description:
          'Only when delivery is `operator`: hand it to the invitee. The token is in the fragment (#), which browsers never send to a server; relative when CONCERTO_PUBLIC_URL is unset',
      }),
    ),
  },
  closed,
);
export type IssuedInvitation = Static<typeof IssuedInvitationSchema>;

export const RedeemInvitationSchema = Type.Object(
  {
    // The fragment of the invitation link; longer than any token Concerto issues is refused.
    token: Type.String({ minLength: 1, maxLength: 128 }),
    // Bounded before any hashing work; the password policy then asks for 12–128 characters.
    password: Type.String({ minLength: 1, maxLength: 512 }),
  },
  closed,
);
export type RedeemInvitation = Static<typeof RedeemInvitationSchema>;

export const RedeemedInvitationSchema = Type.Object({ userId: IdSchema }, closed);
