import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { Named } from './types';

/**
 * The building blocks of the complaint page: a titled section, a labelled value, a table, a link. Titles, labels and
 * column headings are i18n keys (`app.…`), translated here; a text that is no key is shown as it is.
 */

/** A key translated, or the text itself when it is no key (a name, a date). */
export const useText = () => {
  const translate = useTranslate();
  return (text: string) => translate(text, { _: text });
};

export const Panel = ({ title, children }: { title: string; children: ReactNode }) => {
  const text = useText();
  return (
    <Card component="section" aria-label={text(title)} variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {text(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** A label and its value; nothing at all when there is no value. */
export const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const text = useText();
  return children === null || children === undefined || children === '' ? null : (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {text(label)}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
};

export const StaffLink = ({ staff }: { staff: Named | null | undefined }) => {
  const createPath = useCreatePath();
  if (!staff) return null;
  return <Link to={createPath({ resource: 'Staff', id: staff.id, type: 'show' })}>{staff.name}</Link>;
};

export const Empty = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary">
    {children}
  </Typography>
);

/** A column of a SmallTable: its heading, right-aligned for figures. */
export type Column = string | { label: string; align: 'right' };

/** A compact table that scrolls sideways on a narrow screen: the headings, then the rows. */
export const SmallTable = ({ label, columns, children }: { label: string; columns: readonly Column[]; children: ReactNode }) => {
  const text = useText();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={text(label)}>
        <TableHead>
          <TableRow>
            {columns.map((column, index) =>
              typeof column === 'string' ? (
                <TableCell key={index}>{column ? text(column) : ''}</TableCell>
              ) : (
                <TableCell key={index} align={column.align}>
                  {text(column.label)}
                </TableCell>
              ),
            )}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Box>
  );
};
