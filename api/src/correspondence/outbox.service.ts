import { DateTime } from 'luxon';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { Letter } from './letter.entity';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

/** Attempts before a message is FAILED (visible, to be sent again by hand): 30 s, 1, 2, 4, 8, 16, 32 min… */
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
/** A message taken by a sender that did not finish (it died) is taken again after this. */
const STALE_SENDING_MINUTES = 10;
const BATCH = 20;

export interface NewMessage {
  complaintId?: string | null;
  letterId?: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: string | null;
}

export interface OutboxRun {
  sent: number;
  failed: number;
  retrying: number;
}

/** An SMTP answer that will not get better by trying again (5xx), as against a busy or absent server. */
const permanent = (error: unknown): boolean => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
};

/**
 * The outbox (DOMAIN.md, "In writing"): a message is written in the transaction of the step that causes it,
 * then sent by the outbox job through SMTP (nodemailer, SMTP_URL) — retried with backoff on a refusal or an
 * absent server, FAILED after the last attempt or a permanent refusal, the server's Message-ID and answer kept
 * as proof of dispatch. Without SMTP_URL nothing is sent and nothing pretends to be: messages wait, shown as
 * not sent, and go out once a mail server is configured.
 */
export class OutboxService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    smtpUrl: string | undefined,
    from: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl, { from }) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async enqueue(manager: EntityManager, message: NewMessage): Promise<OutboxMessage> {
    const row = manager.getRepository(OutboxMessage).create({
      ...message,
      complaintId: message.complaintId ?? null,
      letterId: message.letterId ?? null,
      ics: message.ics ?? null,
      status: OutboxStatus.QUEUED,
      attempts: 0,
      nextAttemptAt: this.clock.now().toJSDate(),
    });
    return manager.getRepository(OutboxMessage).save(row);
  }

  /** Sends what is due (a batch); answers what became of it. */
  async sendDue(): Promise<OutboxRun> {
    const run: OutboxRun = { sent: 0, failed: 0, retrying: 0 };
    if (!this.transport) return run;
    const now = this.clock.now();
    // take them: SENDING, so that another instance's run passes them by (SKIP LOCKED while taking)
    const taken = (await this.dataSource.query(
      `UPDATE outbox_message SET status = 'SENDING', next_attempt_at = $2 WHERE id IN (
         SELECT id FROM outbox_message
         WHERE (status = 'QUEUED' AND next_attempt_at <= $1) OR (status = 'SENDING' AND next_attempt_at <= $1)
         ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [now.toJSDate(), now.plus({ minutes: STALE_SENDING_MINUTES }).toJSDate()],
    )) as [Array<{ id: string }>, number];
    const ids = taken[0].map((row) => row.id);
    if (ids.length === 0) return run;
    const messages = await this.dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) });
    for (const message of messages) {
      const outcome = await this.sendOne(message);
      run[outcome] += 1;
    }
    return run;
  }

  private async sendOne(message: OutboxMessage): Promise<keyof OutboxRun> {
    const letter = message.letterId ? await this.dataSource.getRepository(Letter).findOneBy({ id: message.letterId }) : null;
    try {
      const info = (await this.transport!.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // the same Message-ID on every attempt: a receiver can tell a resend from a second letter
        messageId: `<${message.id}@klachtenregistratie>`,
        attachments: [
          ...(letter
            ? [{ filename: `${letter.subject.replace(/[^\p{L}\p{N} -]+/gu, '').trim() || 'brief'}.pdf`, content: letter.pdf, contentType: 'application/pdf' }]
            : []),
          ...(message.ics ? [{ filename: 'hoorzitting.ics', content: message.ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }] : []),
        ],
        ...(message.ics ? { icalEvent: { method: message.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', content: message.ics } } : {}),
      })) as { messageId: string; response: string };
      const sentAt = this.clock.now().toJSDate();
      await this.dataSource.transaction(async (manager) => {
        await manager
          .getRepository(OutboxMessage)
          .update(
            { id: message.id },
            { status: OutboxStatus.SENT, attempts: message.attempts + 1, sentAt, messageId: info.messageId, smtpResponse: info.response, lastError: null },
          );
        if (letter) await manager.getRepository(Letter).update({ id: letter.id }, { sentAt });
      });
      return 'sent';
    } catch (error) {
      const attempts = message.attempts + 1;
      const failed = permanent(error) || attempts >= MAX_ATTEMPTS;
      const retryAt = this.clock.now().plus({ seconds: FIRST_RETRY_SECONDS * 2 ** (attempts - 1) });
      await this.dataSource.getRepository(OutboxMessage).update(
        { id: message.id },
        {
          status: failed ? OutboxStatus.FAILED : OutboxStatus.QUEUED,
          attempts,
          nextAttemptAt: failed ? this.clock.now().toJSDate() : retryAt.toJSDate(),
          lastError: String((error as Error).message ?? error).slice(0, 1000),
        },
      );
      this.logger.warn('mail not sent', { outboxId: message.id, attempts, failed, error: String((error as Error).message ?? error).slice(0, 300) });
      return failed ? 'failed' : 'retrying';
    }
  }

  /** A FAILED message goes out again (from its first attempt); a queued one is tried at once. */
  async resend(id: string): Promise<OutboxMessage> {
    const message = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id });
    if (!message || message.status === OutboxStatus.SENT) throw new NotFoundError('Unsent message', id);
    await this.dataSource
      .getRepository(OutboxMessage)
      .update({ id }, { status: OutboxStatus.QUEUED, attempts: 0, nextAttemptAt: this.clock.now().toJSDate(), lastError: message.lastError });
    return (await this.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id })) as OutboxMessage;
  }

  list(status: OutboxStatus[] | null, complaintId: string | null): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      where: { ...(status?.length ? { status: In(status) } : {}), ...(complaintId ? { complaintId } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  /** When the next attempt for a message that waits will be (the panel shows it). */
  static describeWait(message: OutboxMessage, configured: boolean): string | null {
    if (message.status === OutboxStatus.SENT) return null;
    if (!configured) return 'not sent: no mail server configured (SMTP_URL)';
    if (message.status === OutboxStatus.FAILED) return `failed after ${message.attempts} attempts: ${message.lastError ?? ''}`;
    return `next attempt ${DateTime.fromJSDate(message.nextAttemptAt).toISO()}`;
  }
}
