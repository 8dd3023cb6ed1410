import type { Validator } from 'react-admin';

/**
 * Checks in the browser that react-admin does not have in the panel's words. An e-mail address is checked here
 * rather than by `<input type="email">`, whose popup speaks the browser's language, not the panel's.
 */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailAddress: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && !EMAIL.test(value.trim()) ? 'app.validation.email' : undefined;
