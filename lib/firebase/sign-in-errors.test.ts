import { describe, expect, it } from 'vitest';
import { signInSentence } from './sign-in-errors';

const context = { email: 'an@support.test', projectId: 'demo-support' };
const failure = (code: string) => Object.assign(new Error(`Firebase: Error (${code}).`), { code });

describe('signInSentence', () => {
  it.each([
    ['auth/wrong-password', 'The password for an@support.test is wrong.'],
    ['auth/invalid-credential', 'The email or the password is wrong for project demo-support.'],
    ['auth/user-not-found', 'There is no Firebase account an@support.test in project demo-support.'],
    ['auth/too-many-requests', 'Too many sign-in attempts'],
    ['auth/network-request-failed', 'Firebase could not be reached: check your network connection'],
    ['auth/invalid-email', 'That is not an email address'],
    ['auth/user-disabled', 'is disabled'],
  ])('%s', (code, sentence) => {
    expect(signInSentence(failure(code), context)).toContain(sentence);
  });

  it('names an unknown code rather than hiding it', () => {
    expect(signInSentence(failure('auth/internal-error'), context)).toContain('(auth/internal-error)');
    expect(signInSentence(new Error('boom'), context)).toContain('(boom)');
  });
});
