import { type Static, Type } from 'typebox';

export const HealthSchema = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });

export const ReadinessSchema = Type.Object(
  {
    status: Type.Literal('ready'),
    checks: Type.Object(
      {
        database: Type.Literal('ok'),
        migrations: Type.Literal('current'),
        keys: Type.Literal('ok'),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const VersionSchema = Type.Object(
  {
    name: Type.Literal('concerto'),
    version: Type.String(),
    node: Type.String(),
    database: Type.Object(
      {
        engine: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
        version: Type.String(),
      },
      { additionalProperties: false },
    ),
    migrations: Type.Object({ applied: Type.Integer(), latest: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export type Version = Static<typeof VersionSchema>;
export type Readiness = Static<typeof ReadinessSchema>;
