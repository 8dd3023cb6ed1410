import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { graphql } from '../gql';
import { LOCALES, isAppLocale, languageOf, localeOf, type AppLocale } from '../i18n/locale';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { readSession, updateSession } from '../providers/session';
import { CheckIcon } from './icons';
import { errorMessage } from '../providers/error-mapping';

/**
 * The panel's language follows the member of staff, not the browser: it is their `Staff.language`, read at sign-in
 * and on every start (so a choice made on another device applies here too), and changed with `setMyLanguage`.
 */

const MY_LANGUAGE = graphql(`
  query MyLanguage {
    me {
      id
      language
    }
  }
`);

const SET_MY_LANGUAGE = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);

/** Speaks the signed-in member of staff's language: the session's at once, then what the API says now. */
export const LanguageSync = () => {
  const [stored, setLocale] = useLocaleState();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const session = readSession();
  const { data } = useQuery({
    queryKey: ['myLanguage', session?.staff.id],
    queryFn: () => dataProvider.graphql({ document: MY_LANGUAGE }),
    enabled: !!session,
    staleTime: Infinity,
  });
  const language = data?.me.language ?? session?.staff.language;
  useEffect(() => {
    if (!language) return;
    if (data && session?.staff.language !== data.me.language) updateSession({ staff: { language: data.me.language } });
    const wanted = localeOf(language);
    if (stored !== wanted) setLocale(wanted);
  }, [language, data, session?.staff.language, stored, setLocale]);
  return null;
};

/** Nederlands / English in the user menu: the choice is saved with the API (it follows the person), then the panel speaks it. */
export const LanguageMenuItems = () => {
  const [stored, setLocale] = useLocaleState();
  const current: AppLocale = isAppLocale(stored) ? stored : 'nl';
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const queryClient = useQueryClient();
  const choose = async (locale: AppLocale) => {
    userMenu?.onClose();
    if (locale === current) return;
    try {
      const { setMyLanguage } = await dataProvider.graphql({ document: SET_MY_LANGUAGE, variables: { language: languageOf(locale) } });
      updateSession({ staff: { language: setMyLanguage.language } });
      // what LanguageSync read at the start is out of date now: left as it was, it switched the panel straight back
      queryClient.setQueryData(['myLanguage', readSession()?.staff.id], { me: setMyLanguage });
      setLocale(localeOf(setMyLanguage.language));
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <>
      <ListSubheader component="div" sx={{ lineHeight: '32px' }}>
        {translate('app.userMenu.language')}
      </ListSubheader>
      {LOCALES.map(({ locale, name }) => (
        <MenuItem key={locale} onClick={() => choose(locale)} selected={locale === current} lang={locale} data-locale={locale}>
          <ListItemIcon>{locale === current ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
          <ListItemText>{name}</ListItemText>
        </MenuItem>
      ))}
    </>
  );
};
