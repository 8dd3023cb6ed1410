/** How long a text may be: the API's own table (api/src/shared/lengths.ts), so a form never allows more, or less, than the column. */
export { LENGTH } from '../../api/src/shared/lengths';
