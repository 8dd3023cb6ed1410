import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { MouseEvent } from 'react';
import { AutocompleteInput, Link, ReferenceInput, useCreatePath, useListContext, useTranslate } from 'react-admin';

/** What the API's `q` filter searches for, from what was typed in an autocomplete. */
export const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

/**
 * A reference (a unit, a handler, a party) picked by name: in a form, or as a list filter (react-admin reads
 * `source` and `alwaysOn` from the element in the list's `filters`).
 */
export const ReferenceByNameInput = ({
  label,
  ...props
}: {
  source: string;
  reference: string;
  label: string;
  /** Only these (e.g. `{ active: true }`). */
  filter?: Record<string, unknown>;
  alwaysOn?: boolean;
}) => (
  <ReferenceInput {...props}>
    <AutocompleteInput label={label} optionText="name" filterToQuery={searchByName} />
  </ReferenceInput>
);

/** One tab of a list: its label (an i18n key, or a text made with one) and the filter values it stands for (`{}`: all). */
export interface FilterView {
  value: string;
  label: string;
  filter: Readonly<Record<string, unknown>>;
}

/**
 * Tabs above a list, each a set of filter values: choosing one replaces the values the tabs are
 * about (and those in `clears`), and keeps the other filters.
 */
export const FilterTabs = ({ views, label, clears = [] }: { views: readonly FilterView[]; label: string; clears?: readonly string[] }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const translate = useTranslate();
  const text = (value: string) => translate(value, { _: value });
  const keys = [...new Set(views.flatMap((view) => Object.keys(view.filter)))];
  const current = views.find((view) => keys.every((key) => filterValues[key] === view.filter[key])) ?? views[views.length - 1];
  return (
    <Tabs
      value={current.value}
      onChange={(_event, value: string) => {
        const others = Object.fromEntries(Object.entries(filterValues).filter(([key]) => !keys.includes(key) && !clears.includes(key)));
        const view = views.find((candidate) => candidate.value === value);
        setFilters({ ...others, ...view?.filter }, displayedFilters);
      }}
      aria-label={text(label)}
      // on a phone the tabs scroll sideways rather than hide the last ones
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      sx={{ px: 2 }}
    >
      {views.map((view) => (
        <Tab key={view.value} value={view.value} label={text(view.label)} />
      ))}
    </Tabs>
  );
};

/** The complaint's reference, on one line, linking to its page (without selecting the row it sits in). */
export const ComplaintLink = ({ complaint }: { complaint: { id: string; reference: string } }) => {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource: 'Complaint', id: complaint.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      // a reference is never broken at its hyphens
      sx={{ whiteSpace: 'nowrap' }}
    >
      {complaint.reference}
    </Link>
  );
};
