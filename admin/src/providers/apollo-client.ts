import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, from } from '@apollo/client';
import { currentToken } from './session';

/** Adds `Authorization: Bearer <token>` to every request while a session is valid. */
const authLink = new ApolloLink((operation, forward) => {
  const token = currentToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

const errorsOfServerError = (error: unknown): unknown[] | undefined => {
  if (typeof error !== 'object' || error === null || !('result' in error)) return undefined;
  const { result } = error as { result?: unknown };
  if (typeof result !== 'object' || result === null || !('errors' in result)) return undefined;
  const { errors } = result as { errors?: unknown };
  return Array.isArray(errors) && errors.length > 0 ? errors : undefined;
};

/**
 * A GraphQL server may answer an operation that fails validation or authentication with a
 * non-2xx status and a body `{ errors: [...] }`. Apollo reports that as a network error and
 * loses the `extensions`; this link turns it back into a GraphQL result with errors, so the
 * error mapping sees `extensions.code` and `extensions.fieldErrors` whatever the status.
 */
const serverErrorsAsResultLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        error: (error: unknown) => {
          const errors = errorsOfServerError(error);
          if (!errors) {
            observer.error(error);
            return;
          }
          observer.next({ data: null, errors } as Parameters<typeof observer.next>[0]);
          observer.complete();
        },
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    }),
);

export const createApolloClient = (uri: string = '/graphql'): ApolloClient<unknown> =>
  new ApolloClient({
    link: from([authLink, serverErrorsAsResultLink, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
