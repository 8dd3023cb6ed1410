import { useGetRecordRepresentation, useGetResourceLabel, useNotify, useRedirect, type RaRecord, type RedirectionSideEffect } from 'react-admin';

/**
 * A save's own notification, saying what was saved: "Eenheid Noord opgeslagen", "Medewerker Jan Jansen aangemaakt"
 * (react-admin's default says "Item bijgewerkt"). Used as `mutationOptions.onSuccess`, so it redirects as the form
 * would have.
 */
export const useSavedNotice = (resource: string, kind: 'created' | 'updated', redirectTo: RedirectionSideEffect) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resourceLabel = useGetResourceLabel();
  const representation = useGetRecordRepresentation(resource);
  return (data: RaRecord) => {
    const shown = representation(data);
    notify(kind === 'created' ? 'app.saved.created' : 'app.saved.updated', {
      type: 'info',
      messageArgs: { name: resourceLabel(resource, 1), record: typeof shown === 'string' || typeof shown === 'number' ? String(shown) : '' },
    });
    redirect(redirectTo, resource, data.id, data);
  };
};
