import type { DataSource, EntityManager } from 'typeorm';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import type { StatementInput } from './concerned.input';
import { EmployeeStatement } from './employee-statement.entity';
import type { NotificationKind } from '../notification/notification.entity';
import type { NotificationService } from '../notification/notification.service';

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
    private readonly notifications: NotificationService,
  ) {}

  /** Tells every employee the complaint names, in the step's transaction. */
  async notifySubjects(manager: EntityManager, complaint: Complaint, kind: NotificationKind): Promise<number> {
    await this.notifications.tell(
      manager,
      complaint.subjectStaffIds.map((staffId) => ({ staffId, kind, complaintId: complaint.id, data: { reference: complaint.reference } })),
    );
    return complaint.subjectStaffIds.length;
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
