/** How long a text may be: the API's own table (api/src/shared/lengths.ts), so a form never allows more, or less, than the column. */
export { LENGTH } from '../../api/src/shared/lengths';

/**
 * The ranges of whole numbers the API checks (class-validator @Min/@Max on the inputs), by field name, so a
 * form says so before it is sent; the API stays the judge. `retentionMonths`: RETENTION_MONTHS in
 * api/src/policy/policy.entity.ts (not imported: that file brings TypeORM along).
 */
export const NUMBER_BOUNDS: Readonly<Record<string, { min: number; max: number }>> = {
  retentionMonths: { min: 1, max: 240 },
};

/**
 * The shortest password the API takes (MIN_PASSWORD_LENGTH in api/src/config.ts; not imported: that file reads the
 * environment with node:fs). test/unit/admin-i18n.test.ts checks that the two agree.
 */
export const MIN_PASSWORD_LENGTH = 12;
