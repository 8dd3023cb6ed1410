import { isEmail, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const PHONE = /^\+?[0-9 ()-]{6,}$/;

/** Digits, spaces, +, -, brackets; at least six. Its maximum length is the column's (MaxLength beside it). */
export function IsPhoneNumber(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPhoneNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a phone number (digits, spaces, +, -, brackets)', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && PHONE.test(value) },
    });
}

const CONTACT_NEEDED = 'give an e-mail address, a phone number or a postal address';

/**
 * On `email` of an input with `phone` and `postalAddress`: an e-mail address of at most `maxLength`
 * characters when one is given, and otherwise one of the other two (seed 003: a complainant must be
 * reachable). One message for each case, never three for an absent address.
 */
export function IsEmailOrOtherContact(maxLength: number, options: ValidationOptions = {}): PropertyDecorator {
  const absent = (value: unknown) => value === null || value === undefined || value === '';
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmailOrOtherContact',
      target: target.constructor,
      propertyName: propertyName as string,
      // test/unit/lengths.test.ts reads the maximum from here
      constraints: [{ maxLength }],
      options,
      validator: {
        validate(value: unknown, { object }: ValidationArguments) {
          const other = object as { phone?: string | null; postalAddress?: string | null };
          if (absent(value)) return Boolean(other.phone || other.postalAddress);
          return typeof value === 'string' && value.length <= maxLength && isEmail(value);
        },
        defaultMessage({ value }: ValidationArguments) {
          if (absent(value)) return CONTACT_NEEDED;
          return typeof value === 'string' && value.length > maxLength ? `must be at most ${maxLength} characters` : 'must be an e-mail address';
        },
      },
    });
}

/** A calendar date as YYYY-MM-DD that exists, between the years 2000 and 2100 (what the calendar counts). */
export function IsLocalDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [{ maxLength: 10 }],
      options: { message: 'must be a date as YYYY-MM-DD between 2000 and 2100', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isLocalDate(value) },
    });
}

export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const date = new Date(`${text}T00:00:00Z`);
  return year >= 2000 && year <= 2100 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
