import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-event.entity';
import { DeadlineUnit } from '../calendar/working-calendar';
import { DeadlineKind } from '../complaint/complaint.enums';
import { DEADLINE_STARTS } from '../complaint/complaint.procedure';
import type { Caller } from '../shared/caller';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import { whereIds, whereText } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Policy, type DeadlineRule } from './policy.entity';
import type { CreatePolicyInput, DeadlineRuleInput, PolicyListArgs, TermInput, UpdatePolicyInput } from './policy.input';

/** A policy's rules as the procedure counts them: each kind once, counted from the event the procedure table names. */
function toRules(rules: DeadlineRuleInput[]): DeadlineRule[] {
  const kinds = rules.map((rule) => rule.kind);
  const twice = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (twice)
    throw new UserInputError(
      `The rules name ${twice} twice.`,
      { rules: problem(FieldCode.RULE_TWICE, `${twice} appears twice`, { kind: twice }) },
      'DUPLICATE_RULE',
    );
  const stepOwn = rules.find((rule) => rule.kind === DeadlineKind.INFORMATION || rule.kind === DeadlineKind.EXTENSION_NOTICE);
  if (stepOwn)
    throw new UserInputError(`${stepOwn.kind} is opened by its step, not by a policy.`, {
      rules: problem(FieldCode.NOT_A_POLICY_RULE, `${stepOwn.kind} is opened by its step, not by a policy`, { kind: stepOwn.kind }),
    });
  const badSameDay = rules.find((rule) => rule.unit === DeadlineUnit.SAME_DAY && rule.amount !== 0);
  if (badSameDay)
    throw new UserInputError('SAME_DAY takes amount 0.', {
      rules: problem(FieldCode.SAME_DAY_AMOUNT, `${badSameDay.kind}: SAME_DAY takes amount 0`, { kind: badSameDay.kind }),
    });
  return rules.map((rule) => ({ kind: rule.kind, amount: rule.amount, unit: rule.unit, startsAt: DEADLINE_STARTS[rule.kind] }));
}

/** The longest pause as the policy's two columns. */
function pauseColumns(maxPause: TermInput | null | undefined): Pick<Policy, 'maxPauseAmount' | 'maxPauseUnit'> {
  if (maxPause && maxPause.unit === DeadlineUnit.SAME_DAY)
    throw new UserInputError('A pause is counted in days, weeks, working days or hours.', {
      maxPause: problem(FieldCode.INVALID_CHOICE, 'use days, weeks, working days or hours'),
    });
  return { maxPauseAmount: maxPause?.amount ?? null, maxPauseUnit: maxPause?.unit ?? null };
}

/** The reminder's lead as the policy's two columns: counted in working days or hours before the due moment. */
function reminderColumns(reminder: TermInput | null | undefined): Pick<Policy, 'reminderAmount' | 'reminderUnit'> {
  if (reminder && reminder.unit !== DeadlineUnit.WORKING_DAYS && reminder.unit !== DeadlineUnit.HOURS)
    throw new UserInputError('A reminder is counted in working days or hours before the deadline.', {
      reminder: problem(FieldCode.INVALID_CHOICE, 'use working days or hours'),
    });
  return { reminderAmount: reminder?.amount ?? null, reminderUnit: reminder?.unit ?? null };
}

/** Complaint procedures as data: their deadlines and routing (the four presets come from the seeds). */
export class PolicyService extends ReferenceData<Policy> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, Policy, { label: 'policy', auditName: 'Policy' });
  }

  list(args: PolicyListArgs): Promise<Page<Policy>> {
    const { filter } = args;
    return this.page(args, 'policy', args.sortField, (query) => {
      whereText(query, ['policy.name', 'policy.key'], filter?.q);
      whereIds(query, 'policy.id', filter?.ids);
    });
  }

  create(caller: Caller, input: CreatePolicyInput): Promise<Policy> {
    const { maxPause, reminder, ...rest } = input;
    return this.insertRow(caller, { ...rest, ...pauseColumns(maxPause), ...reminderColumns(reminder), rules: toRules(input.rules), isDefault: false });
  }

  update(caller: Caller, id: string, version: number, input: UpdatePolicyInput): Promise<Policy> {
    const { maxPause, reminder, ...rest } = input;
    return this.updateRow(caller, id, version, {
      ...rest,
      ...(maxPause === undefined ? {} : pauseColumns(maxPause)),
      ...(reminder === undefined ? {} : reminderColumns(reminder)),
      rules: input.rules ? toRules(input.rules) : undefined,
    });
  }

  /** The organisation's default: used for units without a policy of their own. */
  async setDefault(caller: Caller, id: string): Promise<Policy> {
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      // Two at once: the second waits here and then sees the first's default (one default, no unique violation).
      await manager.query('SELECT id FROM policy ORDER BY id FOR UPDATE');
      const [previous] = (await manager.query(
        'UPDATE policy SET is_default = false, version = version + 1, updated_at = now() WHERE is_default AND id <> $1 RETURNING id',
        [id],
      )) as [Array<{ id: string }>, number];
      const [made] = (await manager.query(
        'UPDATE policy SET is_default = true, version = version + 1, updated_at = now() WHERE id = $1 AND NOT is_default RETURNING id',
        [id],
      )) as [Array<{ id: string }>, number];
      for (const row of previous) await this.audit.record(manager, caller, 'Policy', row.id, AuditAction.UPDATED, { isDefault: { from: true, to: false } });
      for (const row of made) await this.audit.record(manager, caller, 'Policy', row.id, AuditAction.UPDATED, { isDefault: { from: false, to: true } });
    });
    return this.get(id);
  }
}
