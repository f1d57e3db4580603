import { z } from 'zod';
import { localizedIssue } from '../errors/zod-issues.js';
import { PASSWORD_MAX_LENGTH, passwordProblems } from '../accounts/password-policy.js';
import { ROLES } from '../accounts/roles.js';
import { apiErrorSchema, regionCodeSchema } from './regions.js';
import { lineText } from './sites.js';
import { singleLineText, TEXT_PROBLEMS, textProblem } from './primitives.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, localizedIssue({ 'zh-CN': '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头', en: 'A username has 3–32 lowercase letters, digits, dots, underscores or hyphens, starting with a letter' }));

/** A new password: the policy's problems become issues on the field, in both languages. */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  // Characters no keyboard types and that hashing would blur (a lone surrogate becomes U+FFFD): refused first.
  const problem = textProblem(password);
  if (problem && problem !== 'invisible') {
    ctx.addIssue({ code: 'custom', message: TEXT_PROBLEMS[problem].en, params: { messages: TEXT_PROBLEMS[problem] }, continue: false });
    return;
  }
  for (const policyProblem of passwordProblems(password)) ctx.addIssue({ code: 'custom', message: policyProblem.en, params: { messages: policyProblem } });
});

export const loginSchema = z.strictObject({
  // Any text a person may type, but nothing the database refuses (a NUL here was a 500).
  username: singleLineText(1, 64).toLowerCase(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

export const accountCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: lineText(1, 50),
  role: z.enum(ROLES),
  regionCode: regionCodeSchema.nullable(),
  password: newPasswordSchema.meta({ description: 'Initial password; the person should change it after first sign-in' }),
});

export const accountUpdateSchema = z.strictObject({
  displayName: lineText(1, 50).optional(),
  active: z.boolean().optional(),
  password: newPasswordSchema.optional().meta({ description: 'Set a new password (a reset by an administrator)' }),
  role: z.enum(ROLES).optional().meta({ description: 'A new role (one you may create); the unit must fit it' }),
  regionCode: regionCodeSchema.nullable().optional().meta({ description: 'A new unit inside your jurisdiction, fitting the role' }),
});

export const reasonSchema = z.strictObject({
  reason: lineText(2, 500).meta({ description: 'Why: shown to the registrant and kept in the history' }),
});

export const accountIdParamsSchema = z.strictObject({ id: z.uuid() });

export const accountSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean().meta({ description: 'Someone else set the current password; its holder should change it' }),
  })
  .meta({ id: 'Account' });

export const sessionSchema = z
  .object({ token: z.string(), expiresAt: z.string(), account: accountSchema })
  .meta({ id: 'Session', description: 'Send the token as `Authorization: Bearer <token>`' });

/** Who an account is, as the API tells a client (after login, in lists). */
export type AccountSummary = z.infer<typeof accountSchema>;
export type Session = z.infer<typeof sessionSchema>;

/** 429 on sign-in (too many failures for the account or the address) and on a password change (too many wrong current passwords): wait, then try again. */
export const signInTooManySchema = apiErrorSchema
  .extend({
    statusCode: z.literal(429),
    code: z.literal('auth.too_many_attempts'),
    retryAfterSeconds: z.number().int().min(1).meta({ description: 'How long to wait before the next attempt (also the Retry-After header)' }),
  })
  .meta({ id: 'SignInTooManyAttempts' });
export type SignInTooMany = z.infer<typeof signInTooManySchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) }).meta({ id: 'AccountList' });
export type AccountList = z.infer<typeof accountListSchema>;

/** A new account's body after validation. */
export type AccountCreateInput = z.output<typeof accountCreateSchema>;
/** An account edit's body after validation. */
export type AccountUpdateInput = z.output<typeof accountUpdateSchema>;
export type LoginInput = z.output<typeof loginSchema>;
export type PasswordChangeInput = z.output<typeof passwordChangeSchema>;
