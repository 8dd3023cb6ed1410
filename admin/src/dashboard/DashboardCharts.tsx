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
import { formatCount, formatPercent } from '../complaints/format';
import { intlLocale } from '../i18n/locale';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { DASHBOARD_QUERY, FINISHED_STATUSES, dashboardPeriods, type DashboardData } from './dashboard-api';

/**
 * The charts of the dashboard (a chunk of its own: @mui/x-charts and d3 are only loaded for the
 * roles that see it). One GraphQL request for all cards.
 */

const CHART_HEIGHT = 280;
/** A card with a chart; its title and subtitle are i18n keys. */
const ChartCard = ({ title, subtitle, children, wide = false }: { title: string; subtitle?: string; children: ReactNode; wide?: boolean }) => {
  const translate = useTranslate();
  return (
    <Card component="section" aria-label={translate(title)} variant="outlined" sx={{ gridColumn: wide ? { md: 'span 2' } : undefined, minWidth: 0 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate(title)}
        </Typography>
        {subtitle ? (
          <Typography variant="body2" color="text.secondary">
            {translate(subtitle)}
          </Typography>
        ) : null}
        <Box sx={{ mt: 1 }}>{children}</Box>
      </CardContent>
    </Card>
  );
};

/** A figure; its label is an i18n key, the hint already in words. */
const Figure = ({ label, value, hint }: { label: string; value: string; hint?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-label={translate(label)}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
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
};

const NoData = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
    {children}
  </Typography>
);

/** A label for a YYYY-MM month: "mrt 26" ("Mar 26"). */
const monthLabel = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { month: 'short', year: '2-digit' }).format(new Date(year, monthNumber - 1, 1));
};

const DashboardContent = ({ data, months }: { data: DashboardData; months: string[] }) => {
  const theme = useTheme();
  const label = useEnumLabel();
  const translate = useTranslate();

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
    .map((row) => ({ name: row.categoryName ?? translate('app.dashboard.noCategory'), complaints: row.complaints }));

  const statuses = data.perStatus
    .filter((row) => row.status && !FINISHED_STATUSES.includes(row.status) && row.complaints > 0)
    .map((row) => ({ status: label('ComplaintStatus', row.status), complaints: row.complaints }))
    .sort((a, b) => b.complaints - a.complaints);
  const openComplaints = statuses.reduce((sum, row) => sum + row.complaints, 0);

  const units = data.perUnit
    .map((row) => ({
      name: row.unitName ?? translate('app.dashboard.noUnit'),
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
        <Figure
          label="app.dashboard.complaintsYear"
          value={formatCount(yearTotal)}
          hint={translate('app.dashboard.andSignals', { smart_count: signalTotal, count: formatCount(signalTotal) })}
        />
        <Figure
          label="app.dashboard.onTime"
          value={decided ? formatPercent(onTime / decided) : '–'}
          hint={
            decided
              ? translate('app.dashboard.onTimeHint', { onTime: formatCount(onTime), decided: formatCount(decided) })
              : translate('app.dashboard.noneDecided')
          }
        />
        <Figure label="app.dashboard.open" value={formatCount(openComplaints)} hint={translate('app.dashboard.openHint')} />
        <Figure label="app.dashboard.breached" value={formatCount(breached)} hint={translate('app.dashboard.breachedHint')} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        <ChartCard title="app.dashboard.perMonth" subtitle="app.dashboard.perMonthSub" wide>
          <BarChart
            dataset={perMonth}
            xAxis={[{ scaleType: 'band', dataKey: 'month' }]}
            yAxis={[{ tickMinStep: 1 }]}
            series={[
              { dataKey: 'complaints', label: translate('app.dashboard.complaints'), stack: 'received', color: theme.palette.primary.main },
              { dataKey: 'signals', label: translate('app.dashboard.signals'), stack: 'received', color: theme.palette.grey[400] },
            ]}
            height={CHART_HEIGHT}
            grid={{ horizontal: true }}
          />
        </ChartCard>
        <ChartCard title="app.dashboard.deadlinesPerKind" subtitle="app.dashboard.deadlinesPerKindSub">
          {compliance.length === 0 ? (
            <NoData>{translate('app.dashboard.noDeadlines')}</NoData>
          ) : (
            <BarChart
              dataset={compliance}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'kind', width: 210 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[
                { dataKey: 'onTime', label: translate('app.dashboard.seriesOnTime'), stack: 'deadline', color: theme.palette.success.main },
                { dataKey: 'late', label: translate('app.dashboard.seriesLate'), stack: 'deadline', color: theme.palette.warning.main },
                { dataKey: 'breached', label: translate('app.dashboard.seriesBreached'), stack: 'deadline', color: theme.palette.error.main },
                { dataKey: 'open', label: translate('app.dashboard.seriesOpen'), stack: 'deadline', color: theme.palette.info.light },
              ]}
              height={bandWidth(compliance.length, true)}
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="app.dashboard.categories" subtitle="app.dashboard.categoriesSub">
          {categories.length === 0 ? (
            <NoData>{translate('app.dashboard.noComplaints')}</NoData>
          ) : (
            <BarChart
              dataset={categories}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'name', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'complaints', label: translate('app.dashboard.complaints'), color: theme.palette.primary.main }]}
              height={bandWidth(categories.length)}
              hideLegend
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="app.dashboard.perStatus" subtitle="app.dashboard.perStatusSub">
          {statuses.length === 0 ? (
            <NoData>{translate('app.dashboard.noOpen')}</NoData>
          ) : (
            <BarChart
              dataset={statuses}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'status', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'complaints', label: translate('app.dashboard.complaints'), color: theme.palette.secondary.main }]}
              height={bandWidth(statuses.length)}
              hideLegend
              grid={{ vertical: true }}
            />
          )}
        </ChartCard>
        <ChartCard title="app.dashboard.perUnit" subtitle="app.dashboard.perUnitSub">
          {units.length === 0 ? (
            <NoData>{translate('app.dashboard.noBreached')}</NoData>
          ) : (
            <BarChart
              dataset={units}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'name', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'breached', label: translate('app.dashboard.breached'), color: theme.palette.error.main }]}
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
      <Title title="ra.page.dashboard" />
      {isPending ? <LinearProgress aria-label={translate('app.dashboard.loadingFigures')} /> : null}
      {error ? (
        <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : translate('app.dashboard.failed')}</Alert>
      ) : null}
      {data ? (
        <ChartsLocalizationProvider localeText={{ loading: translate('app.dashboard.chartLoading'), noData: translate('app.dashboard.chartNoData') }}>
          <DashboardContent data={data} months={months} />
        </ChartsLocalizationProvider>
      ) : null}
    </Box>
  );
};

export default DashboardCharts;
