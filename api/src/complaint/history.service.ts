import type { DataSource } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum HistoryProblem {
  /** The event's content no longer matches its hash: it was changed after it was written. */
  CONTENT_CHANGED = 'CONTENT_CHANGED',
  /** The event does not follow the one before it: an event was removed, inserted or reordered. */
  CHAIN_BROKEN = 'CHAIN_BROKEN',
}
registerEnumType(HistoryProblem, { name: 'HistoryProblem' });

@ObjectType({ description: 'An event whose place in the hash chain does not check out.' })
export class BrokenHistoryEvent {
  @Field(() => ID)
  complaintId: string;

  @Field()
  reference: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => HistoryProblem)
  problem: HistoryProblem;
}

@ObjectType({ description: 'The outcome of recomputing the hash chain of the history.' })
export class HistoryVerification {
  @Field({ description: 'Every event checked out.' })
  intact: boolean;

  @Field(() => Int)
  complaints: number;

  @Field(() => Int)
  events: number;

  @Field(() => [BrokenHistoryEvent], { description: 'The first 100 events that do not check out, in order.' })
  broken: BrokenHistoryEvent[];
}

/**
 * The history's tamper evidence (migration LeastPrivilege): every event stores SHA-256(previous hash ‖ its
 * content), computed by the database on insert. Recomputing the chain shows an event that was changed
 * (its hash no longer matches), removed or inserted (the next one no longer points at it). An edit
 * that rewrote every later hash too, or cut off the newest events, is not detected by the chain alone.
 */
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async verify(complaintId: string | null): Promise<HistoryVerification> {
    const rows = (await this.dataSource.query(
      `WITH chained AS (
         SELECT e.id, e.complaint_id, e.seq, e.hash,
                e.prev_hash IS NOT DISTINCT FROM lag(e.hash) OVER (PARTITION BY e.complaint_id ORDER BY e.seq) AS linked,
                e.hash = public.complaint_event_digest(e.prev_hash, e) AS unchanged
         FROM complaint_event e
         WHERE $1::uuid IS NULL OR e.complaint_id = $1::uuid
       ),
       broken AS (
         SELECT c.complaint_id, c.id, c.seq, CASE WHEN NOT c.unchanged THEN 'CONTENT_CHANGED' ELSE 'CHAIN_BROKEN' END AS problem
         FROM chained c WHERE NOT (c.unchanged AND c.linked)
         ORDER BY c.complaint_id, c.seq LIMIT 100
       )
       SELECT (SELECT count(*)::int FROM chained) AS events,
              (SELECT count(DISTINCT complaint_id)::int FROM chained) AS complaints,
              b.complaint_id AS "complaintId", complaint.reference, b.id AS "eventId", b.problem
       FROM (SELECT 1) one
       LEFT JOIN broken b ON true
       LEFT JOIN complaint ON complaint.id = b.complaint_id
       ORDER BY b.complaint_id, b.seq`,
      [complaintId],
    )) as Array<{ events: number; complaints: number; complaintId: string | null; reference: string; eventId: string; problem: HistoryProblem }>;
    const broken = rows
      .filter((row) => row.complaintId !== null)
      .map(({ complaintId: id, reference, eventId, problem }) => ({ complaintId: id!, reference, eventId, problem }));
    return { intact: broken.length === 0, complaints: rows[0].complaints, events: rows[0].events, broken };
  }
}
