import { createElement } from 'react';
import { lazyView } from '../layout/lazy-view';
import type { SchemaResourceOptions } from '../schema/schema-resources';

export { complaintSelections } from './complaint-api';
export { withComplaintSteps } from './steps/complaint-steps';

const ComplaintList = lazyView(() => import('./ComplaintList').then((module) => module.ComplaintList));
const ComplaintShow = lazyView(() => import('./ComplaintShow').then((module) => module.ComplaintShow));
const ComplaintCreate = lazyView(() => import('./ComplaintCreate').then((module) => module.ComplaintCreate));
const DeadlineList = lazyView(() => import('../deadlines/DeadlineList').then((module) => module.DeadlineList));

/** The hand-written views of the complaint workflow, each loaded when first opened; every other resource stays generic. */
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
