/**
 * One password policy for every sign-in the system creates (sellers' registration, a new account's
 * first password), read by the Cognito user pool too (infra/stacks/auth-stack.ts), so a password
 * accepted locally is accepted on AWS.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

export type PasswordProblem = 'length' | 'lowercase' | 'uppercase' | 'digit' | 'symbol';

export function passwordProblems(password: string): PasswordProblem[] {
  const p = PASSWORD_POLICY;
  const problems: PasswordProblem[] = [];
  if (password.length < p.minLength) problems.push('length');
  if (p.requireLowercase && !/[a-z]/.test(password)) problems.push('lowercase');
  if (p.requireUppercase && !/[A-Z]/.test(password)) problems.push('uppercase');
  if (p.requireDigits && !/\d/.test(password)) problems.push('digit');
  if (p.requireSymbols && !/[^A-Za-z0-9]/.test(password)) problems.push('symbol');
  return problems;
}
