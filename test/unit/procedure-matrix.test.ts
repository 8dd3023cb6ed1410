import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import type { Complaint } from '../../api/src/complaint/complaint.entity';
import { ComplaintKind, ComplaintStatus, DeadlineKind, DeadlineStart } from '../../api/src/complaint/complaint.enums';
import { ComplaintAction, StepVariant, TRANSITIONS } from '../../api/src/complaint/complaint.procedure';
import { availableActions, refusal, stepRoles, variantRefusal } from '../../api/src/complaint/procedure-rules';
import { maySee } from '../../api/src/complaint/visibility';
import { createSchema } from '../../api/src/schema';
import type { Caller, OnlineComplainant } from '../../api/src/shared/caller';
import { effectiveRoles, Role } from '../../api/src/shared/roles';

/**
 * One place decides who may do what and when: the procedure table. Every action × status × role ×
 * relation to the complaint: what availableActions offers is what the table accepts, the step's resolver
 * admits everyone the table may accept (its @Authorized comes from the table), and nothing outside the
 * table and the visibility module decides by role.
 */

/** The mutation of each action (recordContactMoment carries three). */
const MUTATION: Record<ComplaintAction, string> = {
  FORWARD: 'forwardComplaint',
  ACKNOWLEDGE: 'recordContactMoment',
  SEND_PROGRESS_UPDATE: 'recordContactMoment',
  RECORD_CONTACT: 'recordContactMoment',
  ASSIGN_HANDLER: 'assignHandler',
  RECORD_ASSESSMENT: 'recordAssessment',
  RESPOND: 'respondToComplaint',
  RECORD_OUTCOME: 'recordOutcome',
  CLOSE: 'closeComplaint',
  ARCHIVE: 'archiveComplaint',
  WITHDRAW: 'withdrawComplaint',
  REOPEN: 'reopenComplaint',
  ADD_NOTE: 'addComplaintNote',
  FILE_OBJECTION: 'fileObjection',
  SCHEDULE_HEARING: 'scheduleHearing',
  RESCHEDULE_HEARING: 'rescheduleHearing',
  RECORD_HEARING: 'recordHearing',
  RECORD_SETTLEMENT: 'recordSettlement',
  WAIVE_HEARING: 'waiveHearing',
  DECIDE_OBJECTION: 'decideObjection',
  REFER: 'referComplaint',
  RECORD_REFERRAL_OUTCOME: 'recordReferralOutcome',
  ADD_ATTACHMENT: 'addAttachment',
  REQUEST_INFORMATION: 'requestInformation',
  RESUME: 'resumeComplaint',
  CLOSE_UNANSWERED: 'closeUnanswered',
  EXTEND: 'extendComplaint',
  SEND_EXTENSION_NOTICE: 'recordContactMoment',
  RESOLVE_DIRECTLY: 'resolveComplaintDirectly',
  RECORD_STATEMENT: 'recordStatement',
  SET_LEGAL_HOLD: 'setLegalHold',
  LIFT_LEGAL_HOLD: 'liftLegalHold',
  // the complainant's own, online with the reference and the code (no staff resolver)
  ACCEPT_HEARING: 'answerHearing',
  ANSWER_SURVEY: 'answerSatisfactionSurvey',
  DECLINE_REOPEN_REQUEST: 'declineReopenRequest',
  PICK_UP: 'pickUpComplaint',
};

const ME = '00000000-0000-4000-8000-000000000001';
const SOMEONE = '00000000-0000-4000-8000-000000000002';

type Relation = 'none' | 'registrant' | 'handler' | 'forwarded' | 'subject' | 'objectionDirector' | 'otherObjectionDirector';
const RELATIONS: Relation[] = ['none', 'registrant', 'handler', 'forwarded', 'subject', 'objectionDirector', 'otherObjectionDirector'];
const ROLE_SETS: Role[][] = [[Role.EMPLOYEE], [Role.HANDLER], [Role.QUALITY_MANAGER], [Role.DIRECTOR], [Role.ADMIN], [Role.ANALYST]];

/**
 * The states beyond the status a step may ask about: the hearing, whether the clock stands still, and a
 * complaint still with its receiver (not forwarded, no handler).
 */
type State = 'none' | 'scheduled' | 'held' | 'paused' | 'fresh';
const STATES: State[] = ['none', 'scheduled', 'held', 'paused', 'fresh'];

/** A complaint in `status` that meets every condition a step may ask of its state (verdict, handler, hearing...). */
function complaintIn(status: ComplaintStatus, relation: Relation, state: State): Complaint {
  const hearing = state;
  const fresh = state === 'fresh' && relation !== 'handler' && relation !== 'forwarded';
  return {
    id: SOMEONE,
    reference: 'KL-2026-000001',
    kind: ComplaintKind.COMPLAINT,
    status,
    registeredById: relation === 'registrant' ? ME : SOMEONE,
    handlerId: relation === 'handler' ? ME : fresh ? null : SOMEONE,
    forwardedToId: relation === 'forwarded' ? ME : fresh ? null : SOMEONE,
    pausedSince: state === 'paused' ? new Date() : null,
    pauseLapsedAt: new Date(),
    extendedAt: null,
    subjectStaffIds: relation === 'subject' ? [ME] : [],
    objectionDirectorId: relation === 'objectionDirector' ? ME : relation === 'otherObjectionDirector' ? SOMEONE : null,
    verdict: 'WELL_FOUNDED',
    outcomeRecordedAt: new Date(),
    objectionFiledAt: null,
    hearingScheduledAt: hearing === 'scheduled' ? new Date() : null,
    hearingHeldAt: hearing === 'held' ? new Date() : null,
    hearingWaivedAt: null,
    policySnapshot: {
      key: 'focus',
      forwardTo: null,
      receiverMayResolve: true,
      referral: null,
      rules: [{ kind: DeadlineKind.OBJECTION_WINDOW, amount: 15, unit: 'CALENDAR_DAYS', startsAt: DeadlineStart.RESPONSE }],
      maxPause: { amount: 4, unit: 'WEEKS' },
      closeWhenUnanswered: true,
      extensionWeeks: 4,
      writtenToManagement: false,
    },
  } as unknown as Complaint;
}

const callerWith = (roles: Role[]): Caller => ({ id: ME, name: 'Ik', roles, effectiveRoles: effectiveRoles(roles) });

let authorized: Map<string, string[]>;
beforeAll(async () => {
  await createSchema();
  const storage = getMetadataStorage();
  authorized = new Map(
    storage.mutations.map((mutation) => {
      const rule = storage.authorizedFields.find((field) => field.target === mutation.target && field.fieldName === mutation.methodName);
      return [mutation.schemaName, (rule?.roles ?? []) as string[]];
    }),
  );
});

describe('the procedure table decides who may do what and when', () => {
  it('gives every step a resolver whose @Authorized is the roles the table names for it', () => {
    for (const action of Object.values(ComplaintAction)) {
      const roles = authorized.get(MUTATION[action]);
      expect({ action, admits: stepRoles(action).every((role) => roles?.includes(role)) }).toEqual({ action, admits: true });
    }
  });

  it('offers exactly what it accepts, and the resolver admits everyone it offers to: every action × status × role × relation', () => {
    let combinations = 0;
    let offered = 0;
    for (const status of Object.values(ComplaintStatus)) {
      for (const relation of RELATIONS) {
        for (const state of STATES) {
          const complaint = complaintIn(status, relation, state);
          for (const roles of ROLE_SETS) {
            const caller = callerWith(roles);
            const actions = availableActions(complaint, caller);
            for (const action of Object.values(ComplaintAction)) {
              combinations += 1;
              const accepted = refusal(action, complaint, caller) === undefined;
              expect(actions.includes(action)).toBe(accepted);
              if (!accepted) continue;
              offered += 1;
              // whoever the table accepts passes the resolver's authorization, and sees the complaint
              const admits = authorized.get(MUTATION[action])!.some((role) => caller.effectiveRoles.has(role as Role));
              expect({ action, status, relation, roles, admits, sees: maySee(complaint, caller) }).toEqual({
                action,
                status,
                relation,
                roles,
                admits: true,
                sees: true,
              });
            }
          }
        }
      }
    }
    expect(combinations).toBe(
      Object.values(ComplaintStatus).length * RELATIONS.length * STATES.length * ROLE_SETS.length * Object.values(ComplaintAction).length,
    );
    expect(offered).toBeGreaterThan(500);
  });

  it('never lets an employee the complaint names act on it for the organisation: they may pass it on and record their side', () => {
    const theirs = new Set<ComplaintAction>([ComplaintAction.FORWARD, ComplaintAction.RECORD_STATEMENT]);
    let refused = 0;
    for (const status of Object.values(ComplaintStatus)) {
      for (const state of STATES) {
        for (const roles of [[Role.EMPLOYEE], [Role.HANDLER], [Role.QUALITY_MANAGER], [Role.DIRECTOR]]) {
          const subject = callerWith(roles);
          const complaint = complaintIn(status, 'subject', state);
          expect(availableActions(complaint, subject).filter((action) => !theirs.has(action))).toEqual([]);
          // and it is the conflict rule that refuses it: the same step is the same caller's when it is not about them
          for (const action of availableActions({ ...complaint, subjectStaffIds: [] } as Complaint, subject).filter((action) => !theirs.has(action))) {
            expect(refusal(action, complaint, subject)?.reason).toBe('CONFLICT_OF_INTEREST');
            refused += 1;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(200);
  });

  it('offers DECIDE_OBJECTION to the director the objection went to, not to a director of another unit', () => {
    const director = callerWith([Role.DIRECTOR]);
    expect(availableActions(complaintIn(ComplaintStatus.OBJECTED, 'objectionDirector', 'held'), director)).toContain(ComplaintAction.DECIDE_OBJECTION);
    expect(availableActions(complaintIn(ComplaintStatus.OBJECTED, 'otherObjectionDirector', 'held'), director)).not.toContain(ComplaintAction.DECIDE_OBJECTION);
    // an objection on a complaint without a unit director goes to any DIRECTOR
    expect(availableActions(complaintIn(ComplaintStatus.OBJECTED, 'none', 'held'), director)).toContain(ComplaintAction.DECIDE_OBJECTION);
  });

  it('keeps the late objection for a DIRECTOR as a variant of the step', () => {
    const complaint = complaintIn(ComplaintStatus.RESPONDED, 'none', 'none');
    expect(variantRefusal(ComplaintAction.FILE_OBJECTION, StepVariant.LATE, complaint, callerWith([Role.QUALITY_MANAGER]))?.reason).toBe('FORBIDDEN');
    expect(variantRefusal(ComplaintAction.FILE_OBJECTION, StepVariant.LATE, complaint, callerWith([Role.DIRECTOR]))).toBeUndefined();
  });

  it("gives the complainant online only their own steps, on their own complaint, and never gives staff the complainant's", () => {
    const theirs = new Set<ComplaintAction>([
      ComplaintAction.RESUME,
      ComplaintAction.FILE_OBJECTION,
      ComplaintAction.ACCEPT_HEARING,
      ComplaintAction.WAIVE_HEARING,
      ComplaintAction.ANSWER_SURVEY,
    ]);
    const complainantOf = (complaint: Complaint): OnlineComplainant => ({ complainantOf: complaint.id, codeIssuedAt: new Date() });
    const seen = new Set<ComplaintAction>();
    for (const status of Object.values(ComplaintStatus)) {
      for (const state of STATES) {
        const complaint = complaintIn(status, 'none', state);
        const offered = availableActions(complaint, complainantOf(complaint));
        offered.forEach((action) => seen.add(action));
        expect(offered.filter((action) => !theirs.has(action))).toEqual([]);
        expect(availableActions(complaint, { complainantOf: ME, codeIssuedAt: new Date() })).toEqual([]);
        for (const roles of ROLE_SETS)
          expect(availableActions(complaint, callerWith(roles))).not.toEqual(expect.arrayContaining([ComplaintAction.ACCEPT_HEARING]));
      }
    }
    expect([...seen].sort()).toEqual([...theirs].sort());
    for (const roles of ROLE_SETS)
      for (const status of Object.values(ComplaintStatus))
        expect(availableActions(complaintIn(status, 'none', 'scheduled'), callerWith(roles))).not.toContain(ComplaintAction.ANSWER_SURVEY);
  });

  it('counts a reopening RESPOND again, from the table', () => {
    expect(TRANSITIONS.REOPEN.recounts).toEqual([DeadlineKind.RESPOND]);
  });

  it('has no role decisions outside the table and its rules, the visibility module and the auth checker', () => {
    const root = path.resolve(__dirname, '../../api/src');
    const allowed = new Set([
      'complaint/complaint.procedure.ts',
      'complaint/procedure-rules.ts',
      'complaint/visibility.ts',
      'auth/auth-checker.ts',
      'shared/roles.ts',
      'stats/stats.csv.ts',
    ]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && /effectiveRoles\.has\(/.test(fs.readFileSync(file, 'utf8')) && !allowed.has(path.relative(root, file)))
          offenders.push(path.relative(root, file));
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
