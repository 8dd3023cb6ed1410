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

const absent = (value: unknown) => value === null || value === undefined || value === '';

/**
 * On `email` of an input with `phone` and `postalAddress`: an e-mail address of at most `maxLength`
 * characters when one is given, and otherwise one of the other two (seed 003: a complainant must be
 * reachable). Three rules with a name (and so a field code) each, so that an absent address gets one
 * message, not three.
 */
export function IsEmailOrOtherContact(maxLength: number, options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) => {
    const property = propertyName as string;
    registerDecorator({
      name: 'contactRequired',
      target: target.constructor,
      propertyName: property,
      options: { message: 'give an e-mail address, a phone number or a postal address', ...options },
      validator: {
        validate(value: unknown, { object }: ValidationArguments) {
          const other = object as { phone?: string | null; postalAddress?: string | null };
          return !absent(value) || Boolean(other.phone || other.postalAddress);
        },
      },
    });
    registerDecorator({
      name: 'isEmail',
      target: target.constructor,
      propertyName: property,
      options: { message: 'must be an e-mail address', ...options },
      validator: { validate: (value: unknown) => absent(value) || (typeof value === 'string' && isEmail(value)) },
    });
    registerDecorator({
      name: 'maxLength',
      target: target.constructor,
      propertyName: property,
      // test/unit/lengths.test.ts and the error formatter read the maximum from here
      constraints: [maxLength],
      options: { message: `must be at most ${maxLength} characters`, ...options },
      validator: { validate: (value: unknown) => absent(value) || (typeof value === 'string' && value.length <= maxLength) },
    });
  };
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
