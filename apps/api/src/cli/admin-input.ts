import { toFieldIssues, type AccountCreateInput } from '@sitenet/domain';
import { accountCreateSchema } from '@sitenet/domain/schemas';
import { newPasswordProblems } from '@sitenet/domain/password-strength';
import { demoUsernames } from '../auth/demo-access.js';

/**
 * The create-admin CLI's input, checked by the same schemas as `POST /api/accounts` (username,
 * display name, password policy with the username) and refusing the demo accounts' usernames
 * (their password is public; a production instance must never hold one). Returns the account
 * to create, or the problems as lines for the terminal (never a raw database error).
 */
export function parseAdminInput(values: { username: string; name?: string; password: string }, seedsDir: string): { input: AccountCreateInput } | { problems: string[] } {
  const parsed = accountCreateSchema.safeParse({ username: values.username, displayName: values.name ?? values.username.trim(), role: 'admin', regionCode: null, password: values.password });
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error.issues, 'en')) problems.push(`${flag(issue.path)}: ${issue.message}`);
  }
  const username = parsed.success ? parsed.data.username : values.username.trim().toLowerCase();
  if (demoUsernames(seedsDir).includes(username)) {
    problems.push(`--username: ${username} is reserved for the demo accounts (their password is public); choose another`);
  }
  if (!problems.length) {
    for (const problem of newPasswordProblems(values.password, username)) problems.push(`password: ${problem.en}`);
  }
  if (problems.length || !parsed.success) return { problems: [...new Set(problems)] };
  return { input: { ...parsed.data, role: 'admin', regionCode: null } };
}

function flag(path: string): string {
  const field = path.replace(/^body\./, '');
  return field === 'username' ? '--username' : field === 'displayName' ? '--name' : field;
}
