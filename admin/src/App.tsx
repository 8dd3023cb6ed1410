import { Admin, CustomRoutes } from 'react-admin';
import { Navigate, Route } from 'react-router';
import { complaintSelections, complaintViews, withComplaintSteps } from './complaints';
import { Dashboard, FiguresPage } from './dashboard/Dashboard';
import { hearingSelections, hearingViews } from './hearings';
import { createI18nProvider } from './i18n/i18n-provider';
import { AppLayout, MENU_ORDER } from './layout/AppLayout';
import { lazyView } from './layout/lazy-view';
import { API_TOKENS_PATH, FIGURES_PATH, JOBS_PATH, NOTIFICATIONS_PATH, OUTBOX_PATH, TEMPLATES_PATH } from './layout/paths';
import { createApolloClient } from './providers/apollo-client';
import { createAuthProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import { withGraphQL } from './providers/graphql-call';
import { mayUse } from './providers/roles';
import { privacySelections, privacyViews } from './privacy';
import { externalPartyAdminViews, referralSelections, referralViews } from './referrals';
import { reviewSelections, reviewViews } from './reviews';
import { schemaModel } from './schema/contract';
import { schemaResources } from './schema/schema-resources';

// the pages of the menu beyond Mijn werk, each loaded when first opened
const NotificationsPage = lazyView(() => import('./notifications/NotificationsPage').then((module) => module.NotificationsPage));
const OutboxPage = lazyView(() => import('./letters/OutboxPage').then((module) => module.OutboxPage));
const TemplatesPage = lazyView(() => import('./letters/TemplatesPage').then((module) => module.TemplatesPage));
const ApiTokenPage = lazyView(() => import('./tokens/ApiTokenPage').then((module) => module.ApiTokenPage));
const JobsPage = lazyView(() => import('./jobs/JobsPage').then((module) => module.JobsPage));

const apolloClient = createApolloClient('/graphql');
const dataProvider = withComplaintSteps(
  withGraphQL(
    createDataProvider(apolloClient, {
      selections: { ...complaintSelections, ...hearingSelections, ...referralSelections, ...reviewSelections, ...privacySelections },
    }),
    apolloClient,
  ),
  apolloClient,
);
const authProvider = createAuthProvider(apolloClient);
const i18nProvider = createI18nProvider(schemaModel);

/** Hand-written views; every other resource of the schema stays generic. */
const views = { ...complaintViews, ...hearingViews, ...referralViews, ...reviewViews, ...privacyViews };

/** What each part of the product holds (the API's `Permission`s; see providers/roles.ts). */
const WORKFLOW_RESOURCES = [
  { resources: ['Complaint', 'Deadline'], group: 'COMPLAINTS' },
  { resources: ['Hearing', 'Referral'], group: 'CASEWORK' },
  { resources: ['Review', 'Measure'], group: 'MANAGEMENT' },
  { resources: ['PrivacyRequest', 'RetentionLedgerEntry'], group: 'PRIVACY' },
] as const;

/**
 * Reference data staff who work on complaints read to pick values from and follow links to (a unit, a colleague, a
 * policy; external parties for hearings and referrals), without it being a page of their menu. Closing days are
 * none of their business: only ADMIN reaches them.
 */
const LOOKUPS = [
  { resources: ['Staff', 'Unit', 'Category', 'Policy'], group: 'COMPLAINTS' },
  { resources: ['ExternalParty'], group: 'CASEWORK' },
] as const;

/**
 * The resources a role can use, no others — the one decision of what a role reaches (the menu shows what is
 * registered here, layout/AppMenu.tsx):
 * - staff who work on complaints get the workflow their role allows, and the reference data they pick values
 *   from read-only and out of the menu (only ADMIN may change it, and has it in the menu);
 * - ADMIN gets the generic resources and the API tokens, no complaints;
 * - ANALYST only the figures (never personal data).
 * Everyone who works on complaints starts on Mijn werk ("/"), an ANALYST on the figures, ADMIN on their first
 * resource (Medewerkers); the figures are also at /cijfers for the roles that may see them.
 */
const resourcesFor = (permissions: unknown) => {
  const admin = mayUse(permissions, 'ADMINISTRATION');
  const staff = mayUse(permissions, 'COMPLAINTS');
  if (!admin && !staff) {
    // react-admin needs at least one route; the dashboard is all there is
    return [
      <CustomRoutes key="dashboard-only">
        <Route path="/dashboard" element={<Navigate to="/" replace />} />
        <Route path={FIGURES_PATH} element={<FiguresPage />} />
      </CustomRoutes>,
    ];
  }
  const workflow: string[] = WORKFLOW_RESOURCES.flatMap(({ resources, group }) => (mayUse(permissions, group) ? resources : []));
  const allWorkflow: string[] = WORKFLOW_RESOURCES.flatMap(({ resources }) => resources);
  // ADMIN edits every generic resource (and keeps the workflow of a role they have besides); staff only look values up
  const lookups: string[] = admin ? [] : LOOKUPS.flatMap(({ resources, group }) => (mayUse(permissions, group) ? resources : []));
  const reached = (name: string) => workflow.includes(name) || lookups.includes(name) || (admin && !allWorkflow.includes(name));
  const omit = schemaModel.resources.map(({ name }) => name).filter((name) => !reached(name));
  return [
    ...(staff
      ? [
          <CustomRoutes key="staff">
            <Route path={NOTIFICATIONS_PATH} element={<NotificationsPage />} />
            {mayUse(permissions, 'MANAGEMENT') ? <Route path={OUTBOX_PATH} element={<OutboxPage />} /> : null}
            {mayUse(permissions, 'STATISTICS') ? <Route path={FIGURES_PATH} element={<FiguresPage />} /> : null}
          </CustomRoutes>,
        ]
      : []),
    ...schemaResources(schemaModel, {
      views: admin ? { ...views, ...externalPartyAdminViews } : views,
      first: MENU_ORDER,
      omit,
      notInMenu: lookups,
      readOnly: !admin,
    }),
    ...(admin
      ? [
          <CustomRoutes key="admin">
            <Route path={API_TOKENS_PATH} element={<ApiTokenPage />} />
            <Route path={JOBS_PATH} element={<JobsPage />} />
            <Route path={TEMPLATES_PATH} element={<TemplatesPage />} />
          </CustomRoutes>,
        ]
      : []),
  ];
};

export const App = () => (
  <Admin
    title="Klachtenregistratie"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {resourcesFor}
  </Admin>
);
