import type { DataSource, EntityManager } from 'typeorm';
import { ZONE, type Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { FileStore } from '../files/file-store';
import type { AttachmentService } from '../files/attachment.service';
import { KeepReason, RemovalRule } from './privacy.enums';

/** A dossier is finished when its procedure ended: closed, withdrawn or archived. */
export const FINISHED_STATUSES = ['CLOSED', 'ARCHIVED', 'WITHDRAWN'] as const;

/** FINISHED_STATUSES as an SQL list. */
const FINISHED_SQL = FINISHED_STATUSES.map((status) => `'${status}'`).join(', ');

/** The moment the retention period counts from: the last closure or the withdrawal (an archived signal: its filing). */
export const CLOSURE_SQL = 'coalesce(greatest(c.closed_at, c.withdrawn_at), c.archived_at)';

/**
 * Why a dossier must be kept for now, as SQL over complaint c (the same rules anonymise_complaint enforces); `now` is
 * the SQL of the moment (a parameter: the injected clock). An open objection window keeps it from retention, not from
 * the complainant's own erasure request.
 */
export const keepReasonsSql = (now: string, rule: RemovalRule = RemovalRule.RETENTION) => `
  array_remove(ARRAY[
    CASE WHEN c.anonymised_at IS NOT NULL THEN '${KeepReason.ALREADY_ANONYMISED}' END,
    CASE WHEN c.status NOT IN (${FINISHED_SQL}) THEN '${KeepReason.OPEN_PROCEDURE}' END,
    CASE WHEN c.legal_hold_at IS NOT NULL THEN '${KeepReason.LEGAL_HOLD}' END,
    CASE WHEN EXISTS (SELECT 1 FROM objection o WHERE o.complaint_id = c.id AND o.decided_at IS NULL AND o.settled_at IS NULL)
         THEN '${KeepReason.OPEN_OBJECTION}' END,
    CASE WHEN EXISTS (SELECT 1 FROM referral r WHERE r.complaint_id = c.id AND r.outcome_recorded_at IS NULL)
         THEN '${KeepReason.OPEN_REFERRAL}' END,
    CASE WHEN ${rule === RemovalRule.RETENTION} AND EXISTS (SELECT 1 FROM deadline w WHERE w.complaint_id = c.id AND w.kind = 'OBJECTION_WINDOW'
                      AND w.met_at IS NULL AND w.cancelled_at IS NULL AND w.due_at > ${now})
         THEN '${KeepReason.OBJECTION_WINDOW_OPEN}' END
  ], NULL)::varchar[]`;

/** Dossiers per transaction: each is locked (SKIP LOCKED) until its batch commits. */
const BATCH = 50;

export interface RetentionRun {
  anonymised: number;
  /** Past their period but kept: a hold, an open objection or referral. */
  held: number;
  /** Website uploads no complaint claimed within a day: removed with their files. */
  unclaimedUploads: number;
  filesRemoved: number;
}

/**
 * The retention job (DOMAIN.md, Forgetting): every finished dossier whose policy's retention period has passed
 * since closure, and that nothing keeps, is anonymised by the database's one reviewed path
 * (anonymise_complaint, migration Privacy), which writes its ledger entry in the same transaction; then the
 * files it let go of are removed from the file store. Several instances may run it at once: the dossiers are
 * taken with SKIP LOCKED, the function does nothing to a dossier already anonymised, and the ledger holds one
 * entry per dossier (unique). The period is counted on the Amsterdam calendar from the injected clock.
 */
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly uploads: AttachmentService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<RetentionRun> {
    const cutoffs = await this.cutoffs();
    let anonymised = 0;
    /** Refused this run: not taken again by the next batch. */
    const refused: string[] = [];
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const due = (await manager.query(
          `SELECT c.id, p.retention_months AS months
           FROM complaint c
           JOIN policy p ON p.id = c.policy_id
           JOIN unnest($1::int[], $2::timestamptz[]) AS cutoff(months, until) ON cutoff.months = p.retention_months
           WHERE c.anonymised_at IS NULL AND ${CLOSURE_SQL} <= cutoff.until AND cardinality(${keepReasonsSql('$3::timestamptz')}) = 0
             AND NOT (c.id = ANY($4::uuid[]))
           ORDER BY ${CLOSURE_SQL}, c.id
           LIMIT ${BATCH}
           FOR UPDATE OF c SKIP LOCKED`,
          [cutoffs.map((cutoff) => cutoff.months), cutoffs.map((cutoff) => cutoff.until), this.clock.now().toJSDate(), refused],
        )) as Array<{ id: string; months: number }>;
        let done = 0;
        for (const dossier of due) {
          // each in a savepoint: a dossier the database refuses is logged and passed over, never the night's whole batch
          await manager.query('SAVEPOINT dossier');
          try {
            await this.anonymise(manager, dossier.id, { rule: RemovalRule.RETENTION, retentionMonths: dossier.months });
            await manager.query('RELEASE SAVEPOINT dossier');
            done += 1;
          } catch (error) {
            await manager.query('ROLLBACK TO SAVEPOINT dossier');
            refused.push(dossier.id);
            this.logger.error('retention: a dossier could not be anonymised; it is tried again next night', { complaintId: dossier.id, error: String(error) });
          }
        }
        return { taken: due.length, done };
      });
      anonymised += done.done;
      if (done.taken < BATCH) break;
    }
    const held = await this.heldPastTheirPeriod(cutoffs);
    const unclaimedUploads = await this.dataSource.transaction((manager) => this.uploads.releaseUnclaimedUploads(manager));
    const filesRemoved = await this.removeReleasedFiles();
    if (anonymised || filesRemoved) this.logger.info('retention', { anonymised, held, unclaimedUploads, filesRemoved });
    return { anonymised, held, unclaimedUploads, filesRemoved };
  }

  /** Through anonymise_complaint only; answers the ledger entry's id (null: it was anonymised already). */
  async anonymise(
    manager: EntityManager,
    complaintId: string,
    how: { rule: RemovalRule; retentionMonths?: number; requestId?: string; actorId?: string },
  ): Promise<string | null> {
    const [row] = (await manager.query('SELECT public.anonymise_complaint($1, $2, $3, $4, $5, $6) AS "ledgerId"', [
      complaintId,
      how.rule,
      how.retentionMonths ?? null,
      how.requestId ?? null,
      how.actorId ?? null,
      this.clock.now().toJSDate(),
    ])) as Array<{ ledgerId: string | null }>;
    return row.ledgerId;
  }

  /**
   * The files the database let go of (file_deletion), removed from the store and then from the list: a file
   * whose removal fails stays listed and is tried again on the next run. Run after the anonymising commit.
   */
  async removeReleasedFiles(): Promise<number> {
    let removed = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const keys = (await manager.query(
          'SELECT storage_key AS key FROM file_deletion ORDER BY requested_at, storage_key LIMIT 100 FOR UPDATE SKIP LOCKED',
        )) as Array<{ key: string }>;
        // a key still in use is never removed, whoever listed it: it only leaves the list
        const inUse = new Set(
          (
            (await manager.query(
              `SELECT file_key AS key FROM attachment WHERE file_key = ANY($1) UNION SELECT file_key FROM website_upload WHERE file_key = ANY($1)`,
              [keys.map(({ key }) => key)],
            )) as Array<{ key: string }>
          ).map(({ key }) => key),
        );
        const deleted: string[] = [];
        for (const { key } of keys.filter(({ key }) => !inUse.has(key))) {
          try {
            await this.files.delete(key);
            deleted.push(key);
          } catch (error) {
            this.logger.error('retention: a released file could not be removed; tried again next run', { key, error: String(error) });
          }
        }
        // what was removed, and what is still in use, leaves the list
        const leaving = [...deleted, ...inUse];
        if (leaving.length) await manager.query('DELETE FROM file_deletion WHERE storage_key = ANY($1)', [leaving]);
        return { taken: keys.length, gone: deleted.length };
      });
      removed += done.gone;
      if (done.taken < 100 || done.gone === 0) break;
    }
    return removed;
  }

  /** Each policy's retention period as the moment before which a closure is past it (months on the Amsterdam calendar). */
  private async cutoffs(): Promise<Array<{ months: number; until: Date }>> {
    const rows = (await this.dataSource.query('SELECT DISTINCT retention_months AS months FROM policy')) as Array<{ months: number }>;
    const now = this.clock.now().setZone(ZONE);
    return rows.map(({ months }) => ({ months, until: now.minus({ months }).toJSDate() }));
  }

  private async heldPastTheirPeriod(cutoffs: Array<{ months: number; until: Date }>): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS held
       FROM complaint c
       JOIN policy p ON p.id = c.policy_id
       JOIN unnest($1::int[], $2::timestamptz[]) AS cutoff(months, until) ON cutoff.months = p.retention_months
       WHERE c.anonymised_at IS NULL AND c.status IN (${FINISHED_SQL})
         AND ${CLOSURE_SQL} <= cutoff.until AND cardinality(${keepReasonsSql('$3::timestamptz')}) > 0`,
      [cutoffs.map((cutoff) => cutoff.months), cutoffs.map((cutoff) => cutoff.until), this.clock.now().toJSDate()],
    )) as Array<{ held: number }>;
    return row.held;
  }
}
