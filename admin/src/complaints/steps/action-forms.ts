import { CLOCK_FORMS } from './clock-forms';
import { COMPLAINT_FORMS } from './complaint-forms';
import { OBJECTION_FORMS } from './objection-forms';
import type { ActionForm } from './step-inputs';
import type { StaffAction } from './staff-actions';

export type { Values } from './step-mutations';

/** Per step: the inputs of its dialog (see complaint-api.ts for the mutation behind it); a step without one fails to compile. */
export const ACTION_FORMS: Record<StaffAction, ActionForm> = { ...COMPLAINT_FORMS, ...CLOCK_FORMS, ...OBJECTION_FORMS };
