/** The panel's own pages beside the resources: the menu and the app bar link here, App.tsx registers them. */

/** The notifications (not a resource: `myNotifications` is the caller's own list). */
export const NOTIFICATIONS_PATH = '/meldingen';

/** The figures (the charts), beside the start page: Inzicht → Cijfers. */
export const FIGURES_PATH = '/cijfers';

/** The outbox, for the quality manager and the director (its messages name complainants). */
export const OUTBOX_PATH = '/uitgaande-post';

/** The ADMIN's page for the letters' wording (not a resource: templates are versions per kind and policy). */
export const TEMPLATES_PATH = '/briefsjablonen';

/** The ADMIN's page for API tokens (not a resource: `apiTokens` is a plain list). */
export const API_TOKENS_PATH = '/api-tokens';

/** The ADMIN's page for the scheduled work (not a resource: queues and failed jobs are plain lists). */
export const JOBS_PATH = '/achtergrondtaken';
