import { createElement } from 'react';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { MeasureList } from './MeasureList';
import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

export { reviewSelections } from './review-api';

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
