import { UserError } from '../../src/errors.js';

/** The `UserError` that `fn` throws; anything else (a bug) is rethrown, and no throw fails the test. */
export function userErrorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}
