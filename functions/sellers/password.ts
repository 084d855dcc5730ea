/**
 * One password policy for sellers' sign-ins, read by the registration's validation and by the
 * Cognito user pool (infra/stacks/auth-stack.ts), so a password accepted locally is accepted on AWS.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

export function passwordProblems(password: string): string[] {
  const p = PASSWORD_POLICY;
  const problems: string[] = [];
  if (password.length < p.minLength) problems.push('length');
  if (p.requireLowercase && !/[a-z]/.test(password)) problems.push('lowercase');
  if (p.requireUppercase && !/[A-Z]/.test(password)) problems.push('uppercase');
  if (p.requireDigits && !/\d/.test(password)) problems.push('digit');
  if (p.requireSymbols && !/[^A-Za-z0-9]/.test(password)) problems.push('symbol');
  return problems;
}
