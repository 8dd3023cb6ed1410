import type { DataSource, EntityManager } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { pageOf, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import type { NotificationListArgs, StatementInput } from './concerned.input';
import { EmployeeStatement } from './employee-statement.entity';
import { Notification, type NotificationKind } from './notification.entity';

/**
 * The employee concerned (DOMAIN.md, Branches of the seeds; Awb 9:9, 9:11, 9:12): told when a complaint
 * names them, when its answer is extended and when it is answered; their side of the story joins the
 * dossier. What they may read of the complaint is `subject-view.ts`'s.
 */
export class ConcernedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
  ) {}

  /** Tells every employee the complaint names, in the step's transaction. */
  async notifySubjects(manager: EntityManager, complaint: Complaint, kind: NotificationKind): Promise<number> {
    if (complaint.subjectStaffIds.length === 0) return 0;
    await manager.getRepository(Notification).insert(complaint.subjectStaffIds.map((staffId) => ({ staffId, complaintId: complaint.id, kind })));
    return complaint.subjectStaffIds.length;
  }

  list(caller: Caller, args: NotificationListArgs): Promise<Page<Notification>> {
    const query = this.dataSource.getRepository(Notification).createQueryBuilder('notification').where('notification.staff_id = :me', { me: caller.id });
    if (args.filter?.unread === true) query.andWhere('notification.read_at IS NULL');
    if (args.filter?.unread === false) query.andWhere('notification.read_at IS NOT NULL');
    whereIds(query, 'notification.id', args.filter?.ids);
    return pageOf(query, args, 'notification.created_at', args.sortOrder, 'notification.id');
  }

  /** Marks the caller's own notifications read (others' are not touched); answers how many changed. */
  async markRead(caller: Caller, ids: string[]): Promise<number> {
    const [, changed] = (await this.dataSource.query('UPDATE notification SET read_at = $3 WHERE staff_id = $1 AND id = ANY($2) AND read_at IS NULL', [
      caller.id,
      ids,
      this.clock.now().toJSDate(),
    ])) as [unknown, number];
    return changed;
  }

  /** Appended, never edited: no version needed. */
  async recordStatement(caller: Caller, id: string, input: StatementInput): Promise<Complaint> {
    return this.engine.step(caller, id, null, ComplaintAction.RECORD_STATEMENT, async (complaint, manager) => {
      const statement = manager.getRepository(EmployeeStatement).create({
        complaintId: complaint.id,
        staffId: caller.id,
        text: input.text.trim(),
        recordedAt: this.clock.now().toJSDate(),
      });
      await manager.getRepository(EmployeeStatement).save(statement);
      return { data: { statementId: statement.id } };
    });
  }

  /** The statements on a complaint: all of them for those who work on it, their own for an employee it names. */
  async statements(complaint: Complaint, caller: Caller): Promise<EmployeeStatement[]> {
    const statements = await this.dataSource.getRepository(EmployeeStatement).find({ where: { complaintId: complaint.id }, order: { recordedAt: 'ASC' } });
    return complaint.subjectStaffIds.includes(caller.id) ? statements.filter((statement) => statement.staffId === caller.id) : statements;
  }
}
