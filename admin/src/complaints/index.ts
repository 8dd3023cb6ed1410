import { createElement } from 'react';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { DeadlineList } from '../deadlines/DeadlineList';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

export { complaintSelections, withComplaintSteps } from './complaint-api';

/** Roles that work on complaints (complaint, complaintList and deadlineList answer them). */
export const COMPLAINT_ROLES = ['EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR'];

export const worksOnComplaints = (permissions: unknown): boolean =>
    Array.isArray(permissions) && permissions.some(role => COMPLAINT_ROLES.includes(String(role)));

/** The hand-written views of the complaint workflow; every other resource stays generic. */
export const complaintViews: NonNullable<SchemaResourceOptions['views']> = {
    Complaint: {
        list: createElement(ComplaintList),
        show: createElement(ComplaintShow),
        create: createElement(ComplaintCreate),
        recordRepresentation: 'reference',
    },
    // deadlines have no page of their own: a row opens its complaint
    Deadline: { list: createElement(DeadlineList), show: null, edit: null, create: null },
};
