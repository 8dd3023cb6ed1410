import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense } from 'react';
import { Loading, NavigateToFirstResource, usePermissions, useTranslate } from 'react-admin';
import { mayUse } from '../providers/roles';

// @mui/x-charts and d3 in a chunk of their own, loaded only when the dashboard is shown
const DashboardCharts = lazy(() => import('./DashboardCharts'));

/**
 * react-admin's start page ("/"). QUALITY_MANAGER, DIRECTOR and ANALYST get the charts; every
 * other role goes on to its first resource, as it did before there was a dashboard.
 */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  const translate = useTranslate();
  if (isPending) return <Loading />;
  if (!mayUse(permissions, 'STATISTICS')) return <NavigateToFirstResource loading={Loading} />;
  return (
    <Suspense fallback={<LinearProgress sx={{ mt: 2 }} aria-label={translate('app.dashboard.loading')} />}>
      <DashboardCharts />
    </Suspense>
  );
};
