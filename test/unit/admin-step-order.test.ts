import * as path from 'node:path';
import { ComplaintStatus } from '../../api/src/complaint/complaint.enums';
import { TRANSITIONS } from '../../api/src/complaint/complaint.procedure';

/**
 * The complaint page's buttons (admin/src/complaints/steps/step-order.ts): of the steps availableActions offers, the
 * next step of the procedure is the one primary button, and the steps that cannot be taken back stand apart. The
 * admin's module is loaded through Jest's transform, as admin-i18n.test.ts does; its shape is declared here.
 */

type Action = string;
interface Arranged {
  next: Action | undefined;
  others: Action[];
  destructive: Action[];
}
interface Deadline {
  kind: string;
  status: string;
  metAt: string | null;
}
type ComplaintShape = Partial<{ handler: { id: string } | null; assessedAt: string | null; outcomeRecordedAt: string | null; deadlines: Deadline[] }>;

const { arrangeSteps, NEXT_STEP_ORDER, DESTRUCTIVE_STEPS } = jest.requireActual<{
  arrangeSteps: (actions: Action[], record: ComplaintShape) => Arranged;
  NEXT_STEP_ORDER: Action[];
  DESTRUCTIVE_STEPS: Action[];
}>(path.resolve(__dirname, '../../admin/src/complaints/steps/step-order.ts'));

describe("the complaint page's steps", () => {
  it('makes the first forward step on offer the next one, and keeps withdrawing apart', () => {
    const arranged = arrangeSteps(['FORWARD', 'ACKNOWLEDGE', 'RECORD_CONTACT', 'ASSIGN_HANDLER', 'WITHDRAW', 'ADD_NOTE', 'EXTEND'], {});
    expect(arranged).toEqual({
      next: 'FORWARD',
      others: ['ACKNOWLEDGE', 'RECORD_CONTACT', 'ASSIGN_HANDLER', 'EXTEND', 'ADD_NOTE'],
      destructive: ['WITHDRAW'],
    });
  });

  it('passes over a step that is done but stays on offer: the handler assigned, the assessment recorded', () => {
    const offered = ['SEND_PROGRESS_UPDATE', 'ASSIGN_HANDLER', 'RECORD_ASSESSMENT', 'RESPOND', 'WITHDRAW'];
    expect(arrangeSteps(offered, { handler: null }).next).toBe('ASSIGN_HANDLER');
    expect(arrangeSteps(offered, { handler: { id: 'h' } }).next).toBe('RECORD_ASSESSMENT');
    expect(arrangeSteps(offered, { handler: { id: 'h' }, assessedAt: '2026-12-01T10:00:00Z' }).next).toBe('RESPOND');
    expect(arrangeSteps(['RECORD_OUTCOME', 'CLOSE', 'FILE_OBJECTION'], { outcomeRecordedAt: '2026-12-01T10:00:00Z' }).next).toBe('CLOSE');
  });

  it('puts going on first while the clock stands still, and the extension notice while it is owed', () => {
    expect(arrangeSteps(['FORWARD', 'RESUME', 'CLOSE_UNANSWERED'], {}).next).toBe('RESUME');
    const notice = (status: string, metAt: string | null) => ({ deadlines: [{ kind: 'EXTENSION_NOTICE', status, metAt }] });
    expect(arrangeSteps(['SEND_EXTENSION_NOTICE', 'RESPOND'], notice('PENDING', null)).next).toBe('SEND_EXTENSION_NOTICE');
    expect(arrangeSteps(['SEND_EXTENSION_NOTICE', 'RESPOND'], notice('MET', '2026-12-01T10:00:00Z')).next).toBe('RESPOND');
  });

  it('offers no next step where the procedure has none (a closed complaint: archiving is no step forward)', () => {
    expect(arrangeSteps(['FILE_OBJECTION', 'REOPEN', 'ARCHIVE', 'ADD_NOTE', 'SET_LEGAL_HOLD'], {})).toEqual({
      next: undefined,
      others: ['FILE_OBJECTION', 'REOPEN', 'ADD_NOTE', 'SET_LEGAL_HOLD'],
      destructive: ['ARCHIVE'],
    });
  });

  it("names only the API's steps, and keeps apart every step that ends a complaint without an answer or freezes it", () => {
    for (const action of [...NEXT_STEP_ORDER, ...DESTRUCTIVE_STEPS]) expect(Object.keys(TRANSITIONS)).toContain(action);
    const final = Object.values(TRANSITIONS).filter((step) => step.to === ComplaintStatus.WITHDRAWN || step.to === ComplaintStatus.ARCHIVED);
    expect(final.map((step) => step.action)).toEqual(expect.arrayContaining(['WITHDRAW', 'ARCHIVE']));
    for (const step of final) expect(DESTRUCTIVE_STEPS).toContain(step.action);
    expect(NEXT_STEP_ORDER.filter((action) => DESTRUCTIVE_STEPS.includes(action))).toEqual([]);
  });
});
