import { createElement } from 'react';
import { lazyView } from '../layout/lazy-view';
import type { SchemaResourceOptions } from '../schema/schema-resources';

export { reviewSelections } from './review-api';

const ReviewList = lazyView(() => import('./ReviewList').then((module) => module.ReviewList));
const ReviewShow = lazyView(() => import('./ReviewShow').then((module) => module.ReviewShow));
const MeasureList = lazyView(() => import('./MeasureList').then((module) => module.MeasureList));

/**
 * The half-yearly review: a list with "Inventarisatie openen" (openReview), a page with the
 * figures, trends, findings and measures; and Maatregelen, the measures of every review.
 */
export const reviewViews: NonNullable<SchemaResourceOptions['views']> = {
  Review: {
    list: createElement(ReviewList),
    show: createElement(ReviewShow),
    // opened with a dialog on the list; the findings are edited on the page
    create: null,
    edit: null,
    recordRepresentation: 'periodStart',
  },
  // no `measure(id)`: measures are followed up from the list and the review page
  Measure: { list: createElement(MeasureList), show: null, edit: null, create: null, recordRepresentation: 'description' },
};
