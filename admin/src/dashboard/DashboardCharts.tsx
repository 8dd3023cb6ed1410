import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { DASHBOARD_QUERY, FINISHED_STATUSES, dashboardPeriods, type DashboardData } from './dashboard-api';

/**
 * The charts of the dashboard (a chunk of its own: @mui/x-charts and d3 are only loaded for the
 * roles that see it). One GraphQL request for all cards.
 */

const CHART_HEIGHT = 280;
const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: '2-digit' });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

const ChartCard = ({ title, subtitle, children, wide = false }: { title: string; subtitle?: string; children: ReactNode; wide?: boolean }) => (
  <Card component="section" aria-label={title} variant="outlined" sx={{ gridColumn: wide ? { md: 'span 2' } : undefined, minWidth: 0 }}>
    <CardContent>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {subtitle ? (
        <Typography variant="body2" color="text.secondary">
          {subtitle}
        </Typography>
      ) : null}
      <Box sx={{ mt: 1 }}>{children}</Box>
    </CardContent>
  </Card>
);

const Figure = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <Card variant="outlined" component="section" aria-label={label}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p">
        {value}
      </Typography>
      {hint ? (
        <Typography variant="caption" color="text.secondary">
          {hint}
        </Typography>
      ) : null}
    </CardContent>
  </Card>
);

const NoData = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
    {children}
  </Typography>
);

/** A label for a YYYY-MM month: "mrt 26". */
const monthLabel = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthFormat.format(new Date(year, monthNumber - 1, 1));
};

const DashboardContent = ({ data, months }: { data: DashboardData; months: string[] }) => {
  const theme = useTheme();
  const label = useEnumLabel();

  const perMonth = months.map((month) => {
    const row = data.perMonth.find((candidate) => candidate.month === month);
    return { month: monthLabel(month), complaints: row?.complaints ?? 0, signals: row?.signals ?? 0 };
  });

  const compliance = [...(data.overall[0]?.compliance ?? [])]
    .map((row) => ({ ...row, kind: label('DeadlineKind', row.kind) }))
    .sort((a, b) => b.onTime + b.late + b.breached + b.open - (a.onTime + a.late + a.breached + a.open));
  const decided = compliance.reduce((sum, row) => sum + row.onTime + row.late + row.breached, 0);
  const onTime = compliance.reduce((sum, row) => sum + row.onTime, 0);

  const categories = [...data.perCategory]
    .filter((row) => row.complaints > 0)
    .sort((a, b) => b.complaints - a.complaints)
    .slice(0, 8)
    .map((row) => ({ name: row.categoryName ?? 'Zonder categorie', complaints: row.complaints }));

  const statuses = data.perStatus
    .filter((row) => row.status && !FINISHED_STATUSES.includes(row.status) && row.complaints > 0)
    .map((row) => ({ status: label('ComplaintStatus', row.status), complaints: row.complaints }))
    .sort((a, b) => b.complaints - a.complaints);
  const openComplaints = statuses.reduce((sum, row) => sum + row.complaints, 0);

  const units = data.perUnit
    .map((row) => ({
      name: row.unitName ?? 'Zonder eenheid',
      breached: row.compliance.reduce((sum, kind) => sum + kind.breached, 0),
    }))
    .filter((row) => row.breached > 0)
    .sort((a, b) => b.breached - a.breached);
  const breached = units.reduce((sum, row) => sum + row.breached, 0);

  const yearTotal = perMonth.reduce((sum, row) => sum + row.complaints, 0);
  const signalTotal = perMonth.reduce((sum, row) => sum + row.signals, 0);
  // horizontal bars: the height follows the number of rows (a lone bar stays a bar, not a block)
  const bandWidth = (rows: number, legend = false) => Math.max(150, rows * 40 + 60 + (legend ? 40 : 0));

  return (
    <>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, minmax(0, 1fr))' }, mb: 2 }}>
        <Figure label="Klachten (12 maanden)" value={String(yearTotal)} hint={`en ${signalTotal} meldingen`} />
        <Figure
          label="Termijnen op tijd"
          value={decided ? percent.format(onTime / decided) : '–'}
          hint={decided ? `${onTime} van ${decided} afgeronde of verlopen termijnen` : 'nog geen termijnen afgerond'}
        />
        <Figure label="Open klachten" value={String(openComplaints)} hint="nog in behandeling" />
        <Figure label="Verlopen termijnen" value={String(breached)} hint="open en over tijd" />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        <ChartCard title="Klachten per maand" subtitle="Ontvangen in de laatste 12 maanden" wide>
          <BarChart
            dataset={perMonth}
            xAxis={[{ scaleType: 'band', dataKey: 'month' }]}
            yAxis={[{ tickMinStep: 1 }]}
            series={[
              { dataKey: 'complaints', label: 'Klachten', stack: 'ontvangen', color: theme.palette.primary.main },
              { dataKey: 'signals', label: 'Meldingen', stack: 'ontvangen', color: theme.palette.grey[400] },
            ]}
            height={CHART_HEIGHT}
            grid={{ horizontal: true }}
          />
        </ChartCard>
        <ChartCard title="Termijnen per soort" subtitle="Van klachten uit de laatste 12 maanden">
          {compliance.length === 0 ? (
            <NoData>Nog geen termijnen.</NoData>
          ) : (
            <BarChart
              dataset={compliance}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'kind', width: 210 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[
                { dataKey: 'onTime', label: 'Op tijd', stack: 'termijn', color: theme.palette.success.main },
                { dataKey: 'late', label: 'Te laat gehaald', stack: 'termijn', color: theme.palette.warning.main },
                { dataKey: 'breached', label: 'Verlopen', stack: 'termijn', color: theme.palette.error.main },
                { dataKey: 'open', label: 'Open', stack: 'termijn', color: theme.palette.info.light },
              ]}
              height={bandWidth(compliance.length, true)}
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="Meest voorkomende categorieën" subtitle="Klachten uit de laatste 12 maanden">
          {categories.length === 0 ? (
            <NoData>Nog geen klachten.</NoData>
          ) : (
            <BarChart
              dataset={categories}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'name', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'complaints', label: 'Klachten', color: theme.palette.primary.main }]}
              height={bandWidth(categories.length)}
              hideLegend
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="Open klachten per status" subtitle="Alle klachten die nog niet zijn afgesloten, ingetrokken of gearchiveerd">
          {statuses.length === 0 ? (
            <NoData>Geen open klachten.</NoData>
          ) : (
            <BarChart
              dataset={statuses}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'status', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'complaints', label: 'Klachten', color: theme.palette.secondary.main }]}
              height={bandWidth(statuses.length)}
              hideLegend
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="Verlopen termijnen per eenheid" subtitle="Open termijnen waarvan de uiterste datum voorbij is">
          {units.length === 0 ? (
            <NoData>Geen verlopen termijnen.</NoData>
          ) : (
            <BarChart
              dataset={units}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'name', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'breached', label: 'Verlopen termijnen', color: theme.palette.error.main }]}
              height={bandWidth(units.length)}
              hideLegend
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
      </Box>
    </>
  );
};

const DUTCH_CHART_TEXT = { loading: 'Gegevens laden…', noData: 'Geen gegevens' };

/** The dashboard of QUALITY_MANAGER, DIRECTOR and ANALYST. */
const DashboardCharts = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const { months, variables } = dashboardPeriods();
  const { data, isPending, error } = useQuery({
    queryKey: ['dashboard', months[months.length - 1]],
    queryFn: () => dataProvider.graphql({ document: DASHBOARD_QUERY, variables }),
  });
  return (
    <Box sx={{ mt: 2, mb: 2 }}>
      <Title title="Dashboard" />
      {isPending ? <LinearProgress aria-label="Cijfers laden" /> : null}
      {error ? (
        <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : 'De cijfers konden niet worden geladen.'}</Alert>
      ) : null}
      {data ? (
        <ChartsLocalizationProvider localeText={DUTCH_CHART_TEXT}>
          <DashboardContent data={data} months={months} />
        </ChartsLocalizationProvider>
      ) : null}
    </Box>
  );
};

export default DashboardCharts;
