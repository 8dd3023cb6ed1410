import type { ApolloClient } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import { toHttpError } from '../../providers/error-mapping';
import type { ComplaintRecord } from '../types';
import type { StaffAction } from './staff-actions';
import type { StepMutation, Values } from './step-mutations';
import { withoutTypename } from '../../providers/typename';

export interface ComplaintStepParams {
  action: StaffAction;
  id: string;
  version: number;
  values: Values;
  /** The form's field names, so API field errors land under them. */
  formFields: string[];
}

export interface ComplaintDataProvider extends DataProvider {
  complaintStep(params: ComplaintStepParams): Promise<{ data: ComplaintRecord }>;
}

/** Adds `complaintStep` (the procedure's steps) to the data provider. */
export const withComplaintSteps = <P extends DataProvider>(dataProvider: P, client: ApolloClient<unknown>): P & ComplaintDataProvider => ({
  ...dataProvider,
  async complaintStep({ action, id, version, values, formFields }) {
    try {
      // the steps' mutations come with the complaint page, which is where steps are taken
      const { STEP_MUTATIONS } = await import('./step-mutations');
      const { document, variables } = STEP_MUTATIONS[action] as unknown as StepMutation<Record<string, unknown>>;
      const result = await client.mutate({ mutation: document, variables: variables(id, version, values), fetchPolicy: 'no-cache' });
      if (result.errors?.length) throw { graphQLErrors: result.errors };
      // every step answers with one field: the complaint as it is now
      const [answer] = Object.values(result.data ?? {});
      return { data: withoutTypename(answer) as ComplaintRecord };
    } catch (error) {
      throw toHttpError(error, formFields);
    }
  },
});
