import type { DataSource } from 'typeorm';
import type { Organisation } from './correspondence.service';
import { dutchDate } from './letter-content';
import { letterPdf } from './letter-pdf';

interface Stored {
  pdf: Buffer | null;
  channel: 'EMAIL' | 'POST';
  recipient: string;
  subject: string;
  body: string;
  signedBy: string | null;
  dated: string | null;
  reference: string;
  name: string;
}

/**
 * A letter's PDF, rendered from its stored text the first time it is read — by the outbox to send it, by a download,
 * by an access export — and kept from then on. The request that writes a letter does not render it: the PDF was a
 * third of the website intake's CPU, spent while the reference counter's row was locked.
 */
export class LetterRenderer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisation: Organisation,
  ) {}

  /** The PDF, rendered now if it was not yet; null for an unknown letter and once its dossier was anonymised. */
  async pdf(letterId: string): Promise<Buffer | null> {
    const [letter] = (await this.dataSource.query(
      `SELECT l.pdf, l.channel, l.recipient, l.subject, l.body, l.signed_by AS "signedBy", to_char(l.dated, 'YYYY-MM-DD') AS dated, c.reference, p.name
       FROM letter l JOIN complaint c ON c.id = l.complaint_id JOIN complainant p ON p.id = c.complainant_id
       WHERE l.id = $1 AND c.anonymised_at IS NULL`,
      [letterId],
    )) as Stored[];
    if (!letter) return null;
    if (letter.pdf) return letter.pdf;
    if (!letter.dated) return null;
    const pdf = await letterPdf({
      organisationName: this.organisation.name,
      organisationLogo: this.organisation.logo,
      organisationAddress: this.organisation.address,
      recipient: letter.channel === 'POST' ? letter.recipient.split('\n') : [letter.name, letter.recipient],
      date: dutchDate(letter.dated),
      reference: letter.reference,
      subject: letter.subject,
      body: letter.body,
      signedBy: letter.signedBy ?? this.organisation.name,
    });
    // the first to render it keeps it (another instance may have rendered it meanwhile: the stored one is the letter)
    const [kept] = (await this.dataSource.query(
      `UPDATE letter l SET pdf = $2 FROM complaint c WHERE l.id = $1 AND l.pdf IS NULL AND c.id = l.complaint_id AND c.anonymised_at IS NULL RETURNING l.id`,
      [letterId, pdf],
    )) as [Array<{ id: string }>, number];
    if (kept.length) return pdf;
    const [stored] = (await this.dataSource.query('SELECT pdf FROM letter WHERE id = $1', [letterId])) as Array<{ pdf: Buffer | null }>;
    return stored?.pdf ?? null;
  }
}
