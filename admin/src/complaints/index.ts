import { createElement } from 'react';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { DeadlineList } from '../deadlines/DeadlineList';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

export { complaintSelections } from './complaint-api';
export { withComplaintSteps } from './steps/complaint-steps';

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
