import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense } from 'react';
import { Loading, NavigateToFirstResource, usePermissions, useTranslate } from 'react-admin';
import { mayUse } from '../providers/roles';
import { MyWorkPage } from '../work/MyWorkPage';

// @mui/x-charts and d3 in a chunk of their own, loaded only when the figures are shown
const DashboardCharts = lazy(() => import('./DashboardCharts'));

/** The charts: the figures of complaints, deadlines and satisfaction (QUALITY_MANAGER, DIRECTOR, ANALYST). */
export const FiguresPage = () => {
  const translate = useTranslate();
  return (
    <Suspense fallback={<LinearProgress sx={{ mt: 2 }} aria-label={translate('app.dashboard.loading', { _: translate('app.menu.figures') })} />}>
      <DashboardCharts />
    </Suspense>
  );
};

/**
 * react-admin's start page ("/"): Mijn werk for everyone who works on complaints; the figures for a BI role that
 * does not (an ANALYST); any other role goes on to its first resource.
 */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return <Loading />;
  if (mayUse(permissions, 'COMPLAINTS')) return <MyWorkPage />;
  if (mayUse(permissions, 'STATISTICS')) return <FiguresPage />;
  return <NavigateToFirstResource loading={Loading} />;
};
