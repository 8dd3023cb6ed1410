import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { ReactNode } from 'react';

/**
 * The complaint workflow's lists and pages on a phone: below the `sm` breakpoint a list shows cards (react-admin's
 * SimpleList, or cards of its own) instead of its wide table, and a dialog takes the whole screen.
 */

/** Below `sm`: a phone held upright. Read on the first render already, so a phone never draws the table first. */
export const usePhone = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

/** The list's body: its cards on a phone, its table (the children) from `sm` up. */
export const ResponsiveList = ({ phone, children }: { phone: ReactNode; children: ReactNode }) => (usePhone() ? phone : children);

/**
 * A list page that never widens the page: its own width is what the layout gives it (the layout grows to the widest
 * content otherwise), and a table wider than that scrolls sideways inside its own box.
 */
export const listSx = {
  contain: 'inline-size',
  '& .RaList-main': { minWidth: 0 },
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
} as const;

/**
 * The cell of a column that takes the room the others leave (a subject, cut off with "…"), but never less than its
 * content's minimum (Subject's `minWidth`).
 */
export const fillCellSx = () => ({ width: '100%', maxWidth: 0 });

/**
 * A page (the complaint's, a privacy request's) that fits the screen, a phone's too: its width is what the layout gives
 * it, a long word (an e-mail address, a file name) breaks where it must, and a table keeps its words whole and scrolls
 * sideways in its own box (SmallTable).
 */
export const pageSx = {
  contain: 'inline-size',
  overflowWrap: 'anywhere',
  '& table': { overflowWrap: 'normal' },
} as const;

/** A reference (KL-2026-000032) on one line: a hyphen is no place to break it. */
export const Reference = ({ children, strong = false }: { children: ReactNode; strong?: boolean }) => (
  <Box component="span" sx={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>
    {children}
  </Box>
);

/** The start of a complaint's description, which is its subject: the text on one line, spaces and breaks as one. */
export const subjectOf = (description: string | null | undefined, length = 200): string => {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
};

/**
 * A complaint's subject: on one line cut off with "…" in a table (at least `minWidth` wide; its cell takes the room
 * left, fillCellSx), or on at most two lines on a card; the whole start in the tooltip.
 */
export const Subject = ({ description, lines = 1, minWidth = 160 }: { description: string | null | undefined; lines?: 1 | 2; minWidth?: number }) => {
  const subject = subjectOf(description);
  return (
    <Box
      component="span"
      title={subject}
      data-subject
      sx={
        lines === 1
          ? { display: 'block', minWidth, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }
          : { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }
      }
    >
      {subject}
    </Box>
  );
};

/** A line of a card: text and chips side by side, wrapping when the phone is too narrow for them. */
export const CardLine = ({ children }: { children: ReactNode }) => (
  <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.75, mt: 0.5, overflowWrap: 'anywhere' }}>
    {children}
  </Box>
);
