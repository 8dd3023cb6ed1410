import { Admin } from 'react-admin';
import { createI18nProvider } from './i18n/i18n-provider';
import { createApolloClient } from './providers/apollo-client';
import { createAuthProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import { schemaModel } from './schema/contract';
import { schemaResources } from './schema/schema-views';

const apolloClient = createApolloClient('/graphql');
const dataProvider = createDataProvider(apolloClient);
const authProvider = createAuthProvider(apolloClient);
const i18nProvider = createI18nProvider(schemaModel);

export const App = () => (
    <Admin
        title="Klachtenregistratie"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        requireAuth
        disableTelemetry
    >
        {schemaResources(schemaModel)}
    </Admin>
);
