import { DateTime } from 'luxon';
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { Letter } from './letter.entity';
import type { LetterRenderer } from './letter-renderer';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';

/** Attempts before a message is FAILED (visible, to be sent again by hand): 30 s, 1, 2, 4, 8, 16, 32 min… */
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
/** A message taken by a sender that did not finish (it died) is taken again after this. */
const STALE_SENDING_MINUTES = 10;
const BATCH = 20;

/** A message about a complaint that names the caller (`caller`: the parameter) is not theirs to read or resend. */
const notAboutCaller = (caller: string) => `NOT EXISTS (SELECT 1 FROM complaint c WHERE c.id = m.complaint_id AND ${caller} = ANY(c.subject_staff_ids))`;

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
  private readonly smtp: { url: string; from: string } | null;
  private made: Transporter | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
    smtpUrl: string | undefined,
    from: string,
    private readonly letters: LetterRenderer,
  ) {
    this.smtp = smtpUrl ? { url: smtpUrl, from } : null;
  }

  get configured(): boolean {
    return this.smtp !== null;
  }

  /** The SMTP transport, made (and nodemailer required) at the first message rather than at start. */
  private transport(): Transporter {
    if (this.made) return this.made;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodemailer = require('nodemailer') as typeof Nodemailer;
    const { url, from } = this.smtp!;
    // timeouts well inside the lease of a claimed message (STALE_SENDING_MINUTES)
    return (this.made = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as never, { from }));
  }

  async enqueue(manager: EntityManager, message: NewMessage): Promise<OutboxMessage> {
    const [row] = await this.enqueueAll(manager, [message]);
    return row;
  }

  /** Several messages in one INSERT (the watch's notices of a batch). */
  async enqueueAll(manager: EntityManager, messages: readonly NewMessage[]): Promise<OutboxMessage[]> {
    if (messages.length === 0) return [];
    const repository = manager.getRepository(OutboxMessage);
    const rows = messages.map((message) =>
      repository.create({
        ...message,
        complaintId: message.complaintId ?? null,
        letterId: message.letterId ?? null,
        ics: message.ics ?? null,
        status: OutboxStatus.QUEUED,
        attempts: 0,
        nextAttemptAt: this.clock.now().toJSDate(),
      }),
    );
    await repository.insert(rows);
    return rows;
  }

  /** Sends what is due (at most a batch); answers what became of it. */
  async sendDue(): Promise<OutboxRun> {
    const run: OutboxRun = { sent: 0, failed: 0, retrying: 0 };
    if (!this.smtp) return run;
    for (let count = 0; count < BATCH; count++) {
      const message = await this.claim();
      if (!message) break;
      run[await this.sendOne(message)] += 1;
    }
    return run;
  }

  /**
   * Takes one due message for this sender: SENDING with a claim of its own and a lease, so that another
   * instance's run passes it by (SKIP LOCKED while taking) and only this sender records what became of it.
   * A sender that died leaves the lease to run out; the message is taken again then.
   */
  private async claim(): Promise<OutboxMessage | null> {
    const now = this.clock.now();
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_message SET status = 'SENDING', next_attempt_at = $2, claim = $3 WHERE id = (
         SELECT id FROM outbox_message WHERE status IN ('QUEUED', 'SENDING') AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [now.toJSDate(), now.plus({ minutes: STALE_SENDING_MINUTES }).toJSDate(), randomUUID()],
    )) as [Array<{ id: string }>, number];
    return rows.length ? this.dataSource.getRepository(OutboxMessage).findOneBy({ id: rows[0].id }) : null;
  }

  private async sendOne(message: OutboxMessage): Promise<keyof OutboxRun> {
    const letter = message.letterId ? await this.dataSource.getRepository(Letter).findOneBy({ id: message.letterId }) : null;
    let info: { messageId: string; response: string };
    try {
      // rendered here, the first time the letter is read, if it was not yet (letter-renderer.ts)
      const pdf = letter ? await this.letters.pdf(letter.id) : null;
      info = (await this.transport().sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // the same Message-ID on every attempt: a receiver can tell a resend from a second letter
        messageId: `<${message.id}@klachtenregistratie>`,
        attachments: [
          ...(letter && pdf
            ? [{ filename: `${letter.subject.replace(/[^\p{L}\p{N} -]+/gu, '').trim() || 'brief'}.pdf`, content: pdf, contentType: 'application/pdf' }]
            : []),
          ...(message.ics ? [{ filename: 'hoorzitting.ics', content: message.ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }] : []),
        ],
        ...(message.ics ? { icalEvent: { method: message.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST', content: message.ics } } : {}),
      })) as { messageId: string; response: string };
    } catch (error) {
      const attempts = message.attempts + 1;
      const failed = permanent(error) || attempts >= MAX_ATTEMPTS;
      const retryAt = this.clock.now().plus({ seconds: FIRST_RETRY_SECONDS * 2 ** (attempts - 1) });
      await this.dataSource.getRepository(OutboxMessage).update(
        { id: message.id, claim: message.claim! },
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
    // sent: recording it must not turn into sending it again — a few tries, and never back to QUEUED
    const sentAt = this.clock.now().toJSDate();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (manager) => {
          await manager
            .getRepository(OutboxMessage)
            .update(
              { id: message.id, claim: message.claim! },
              { status: OutboxStatus.SENT, attempts: message.attempts + 1, sentAt, messageId: info.messageId, smtpResponse: info.response, lastError: null },
            );
          if (letter) await manager.getRepository(Letter).update({ id: letter.id }, { sentAt });
        });
        return 'sent';
      } catch (error) {
        if (attempt >= 3) {
          this.logger.error('mail sent but not recorded as sent', { outboxId: message.id, error: String(error) });
          return 'sent';
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** A FAILED message goes out again (from its first attempt); a queued one is tried at once. Never one being sent or sent. */
  async resend(caller: Caller, id: string): Promise<OutboxMessage> {
    const [rows] = (await this.dataSource.query(
      `UPDATE outbox_message m SET status = 'QUEUED', attempts = 0, next_attempt_at = $2, claim = NULL
       WHERE m.id = $1 AND m.status IN ('FAILED', 'QUEUED') AND ${notAboutCaller('$3')}
       RETURNING m.id`,
      [id, this.clock.now().toJSDate(), caller.id],
    )) as [Array<{ id: string }>, number];
    if (!rows.length) throw new NotFoundError('Unsent message', id);
    return this.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
  }

  /** The outbox as a quality manager or director sees it: not the messages of a complaint that names them. */
  list(caller: Caller, status: OutboxStatus[] | null): Promise<OutboxMessage[]> {
    const query = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where(notAboutCaller('CAST(:caller AS uuid)'), { caller: caller.id })
      .orderBy('m.created_at', 'DESC')
      .take(200);
    if (status?.length) query.andWhere('m.status IN (:...status)', { status });
    return query.getMany();
  }

  /** A letter's message (the complaint's letters panel: whoever sees the complaint). */
  ofLetter(letterId: string, outboxId: string): Promise<OutboxMessage | null> {
    return this.dataSource.getRepository(OutboxMessage).findOneBy({ id: outboxId, letterId });
  }

  /** When the next attempt for a message that waits will be (the panel shows it). */
  static describeWait(message: OutboxMessage, configured: boolean): string | null {
    if (message.status === OutboxStatus.SENT) return null;
    if (!configured) return 'not sent: no mail server configured (SMTP_URL)';
    if (message.status === OutboxStatus.FAILED) return `failed after ${message.attempts} attempts: ${message.lastError ?? ''}`;
    return `next attempt ${DateTime.fromJSDate(message.nextAttemptAt).toISO()}`;
  }
}
