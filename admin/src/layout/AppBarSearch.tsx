import Box from '@mui/material/Box';
import InputBase from '@mui/material/InputBase';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Popper from '@mui/material/Popper';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import type { GraphQLDataProvider } from '../providers/graphql-call';

const SEARCH = graphql(`
  query ComplaintSearch($q: String!) {
    complaintSearch(q: $q, first: 8) {
      total
      hits {
        headline
        complaint {
          id
          reference
          status
          complainant {
            id
            name
          }
        }
      }
    }
  }
`);

const FIND_REFERENCE = graphql(`
  query ComplaintByReference($reference: String!) {
    complaint(reference: $reference) {
      id
    }
  }
`);

/** The API marks each word found between \u0002 and \u0003 (never in stored text): shown as <mark>, never as HTML. */
const Highlighted = ({ text }: { text: string }) => (
  <>
    {text.split('\u0002').map((part, index) => {
      const [found, rest] = index === 0 ? ['', part] : part.split('\u0003');
      return (
        <Fragment key={index}>
          {found ? <mark>{found}</mark> : null}
          {rest}
        </Fragment>
      );
    })}
  </>
);

const REFERENCE = /^KL-\d{4}-\d{6}$/i;

/** Waits until the typing pauses. */
const useDebounced = (value: string, ms: number) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

/**
 * Search from anywhere, in the app bar ("/" focuses it): a full reference goes straight to its complaint; anything
 * else searches names, descriptions and services (the API's Dutch full-text search), the best matches listed with
 * the words found marked; Enter opens the first, the arrows choose.
 */
export const AppBarSearch = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const anchor = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const { data } = useQuery({
    queryKey: ['complaintSearch', q],
    queryFn: () => dataProvider.graphql({ document: SEARCH, variables: { q } }),
    enabled: q.length >= 2 && !REFERENCE.test(q),
  });
  const hits = q.length >= 2 ? (data?.complaintSearch.hits ?? []) : [];

  useEffect(() => {
    const focus = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', focus);
    return () => window.removeEventListener('keydown', focus);
  }, []);

  const go = (id: string) => {
    setOpen(false);
    setText('');
    input.current?.blur();
    navigate(`/Complaint/${encodeURIComponent(id)}/show`);
  };

  const submit = async () => {
    const typed = text.trim();
    if (REFERENCE.test(typed)) {
      try {
        const found = await dataProvider.graphql({ document: FIND_REFERENCE, variables: { reference: typed.toUpperCase() } });
        if (found.complaint) return go(found.complaint.id);
      } catch {
        // not found, or not the reader's to see: said the same way
      }
      return notify(translate('app.search.noSuchReference', { reference: typed.toUpperCase() }), { type: 'warning' });
    }
    if (hits[active]) go(hits[active].complaint.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, Math.max(hits.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    }
  };

  return (
    <Box ref={anchor} sx={{ position: 'relative', mx: 1, flex: { xs: '1 1 8rem', sm: '0 1 22rem' }, minWidth: 0 }}>
      <InputBase
        inputRef={input}
        value={text}
        placeholder={translate('app.search.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        inputProps={{
          role: 'combobox',
          'aria-label': translate('app.search.label'),
          'aria-expanded': open && hits.length > 0,
          'aria-controls': listId,
          'aria-autocomplete': 'list',
          'aria-activedescendant': hits[active] ? `${listId}-${active}` : undefined,
        }}
        sx={(theme) => ({
          width: '100%',
          color: 'inherit',
          px: 1.5,
          py: 0.25,
          borderRadius: 1,
          bgcolor: alpha(theme.palette.common.white, 0.15),
          '&:hover': { bgcolor: alpha(theme.palette.common.white, 0.25) },
        })}
      />
      <Popper
        open={open && q.length >= 2 && !REFERENCE.test(q)}
        anchorEl={anchor.current}
        placement="bottom-start"
        sx={{ zIndex: 1300, width: { xs: '92vw', sm: 440 } }}
      >
        <Paper elevation={6}>
          {hits.length === 0 ? (
            <Typography variant="body2" sx={{ p: 2 }} color="text.secondary">
              {data ? translate('app.search.nothing') : translate('app.search.searching')}
            </Typography>
          ) : (
            <List id={listId} role="listbox" dense aria-label={translate('app.search.results', { smart_count: data?.complaintSearch.total ?? hits.length })}>
              {hits.map((hit, index) => (
                <ListItemButton
                  key={hit.complaint.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  selected={index === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(hit.complaint.id)}
                  sx={{ display: 'block' }}
                >
                  <Typography variant="body2" component="div">
                    <strong style={{ whiteSpace: 'nowrap' }}>{hit.complaint.reference}</strong> — {hit.complaint.complainant?.name}
                  </Typography>
                  {hit.headline ? (
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
                      <Highlighted text={hit.headline} />
                    </Typography>
                  ) : null}
                </ListItemButton>
              ))}
            </List>
          )}
        </Paper>
      </Popper>
    </Box>
  );
};
