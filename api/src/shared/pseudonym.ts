import { createHmac } from 'node:crypto';

/**
 * A stable pseudonym for a person: HMAC-SHA256 under a secret of their e-mail address (else phone
 * digits, else name), so BI can count repeat complainants without seeing who they are.
 * Rotating the secret gives everyone a new pseudonym.
 */
export class Pseudonymiser {
  constructor(private readonly secret: string) {}

  of(person: { email?: string | null; phone?: string | null; name: string }): string {
    const identity = person.email?.trim().toLowerCase() || person.phone?.replace(/\D/g, '') || person.name.trim().toLowerCase();
    return createHmac('sha256', this.secret).update(identity).digest('hex');
  }
}
