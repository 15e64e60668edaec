/** The shapes of the invitation use cases, checked whole before anything is written. */
import { type Static, Type } from 'typebox';
import { IdSchema } from '../../../contracts/identity.js';
import { MAIL_LANGUAGES } from './invitation-mail.js';

export const InviteUserSchema = Type.Object(
  {
    userId: IdSchema,
    /** The invitee's language, chosen by the operator: the mail is written in it. */
    language: Type.Enum([...MAIL_LANGUAGES]),
  },
  { additionalProperties: false },
);
export type InviteUser = Static<typeof InviteUserSchema>;

export interface RedeemInvitation {
  token: string;
  password: string;
}
