/**
 * What a failed Firebase sign-in means for the engineer, in one sentence with what to do. Pure: the codes
 * are the Auth SDK's (`auth/…`), the same from the real service and from the Auth emulator.
 */

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function signInSentence(error: unknown, context: { email: string; projectId: string }): string {
  switch (codeOf(error)) {
    case 'auth/wrong-password':
      return `The password for ${context.email} is wrong. Type it again.`;
    case 'auth/invalid-credential':
    case 'auth/invalid-login-credentials':
      return `The email or the password is wrong for project ${context.projectId}. Check both and try again.`;
    case 'auth/user-not-found':
      return `There is no Firebase account ${context.email} in project ${context.projectId}. Check the email, or ask an administrator for an account.`;
    case 'auth/invalid-email':
    case 'auth/missing-email':
      return 'That is not an email address: type the email of your Firebase account.';
    case 'auth/missing-password':
      return 'Type your password.';
    case 'auth/user-disabled':
      return `The Firebase account ${context.email} is disabled. Ask an administrator to enable it.`;
    case 'auth/too-many-requests':
      return 'Too many sign-in attempts: Firebase blocks this account for a while. Wait a few minutes, or reset your password.';
    case 'auth/network-request-failed':
      return 'Firebase could not be reached: check your network connection and try again.';
    case 'auth/invalid-api-key':
    case 'auth/api-key-not-valid.-please-pass-a-valid-api-key.':
      return 'The Firebase API key in the settings is not valid. Check the project settings.';
    case 'auth/operation-not-allowed':
      return `Email and password sign-in is not enabled for project ${context.projectId}. Ask an administrator.`;
    default:
      return `Signing in to Firebase failed (${codeOf(error) || (error instanceof Error ? error.message : String(error))}). Try again; if it persists, check the Firebase settings.`;
  }
}
