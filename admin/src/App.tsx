import { Admin } from 'react-admin';
import { complaintSelections, complaintViews, withComplaintSteps, worksOnComplaints } from './complaints';
import { createI18nProvider } from './i18n/i18n-provider';
import { AppLayout, MENU_ORDER } from './layout/AppLayout';
import { createApolloClient } from './providers/apollo-client';
import { createAuthProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import { schemaModel } from './schema/contract';
import { schemaResources } from './schema/schema-views';

const apolloClient = createApolloClient('/graphql');
const dataProvider = withComplaintSteps(
    createDataProvider(apolloClient, { selections: complaintSelections }),
    apolloClient,
);
const authProvider = createAuthProvider(apolloClient);
const i18nProvider = createI18nProvider(schemaModel);

/**
 * Every resource of the schema, generic, except the complaint workflow's hand-written views
 * (`src/complaints/`, `src/deadlines/`), which come first (Klachten is the start page) for the
 * roles that work on complaints and are left out for the others (ADMIN, ANALYST), who start on
 * Medewerkers.
 */
export const App = () => (
    <Admin
        title="Klachtenregistratie"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        layout={AppLayout}
        requireAuth
        disableTelemetry
    >
        {(permissions: unknown) =>
            schemaResources(schemaModel, {
                views: complaintViews,
                first: MENU_ORDER,
                omit: worksOnComplaints(permissions) ? [] : ['Complaint', 'Deadline'],
            })
        }
    </Admin>
);
