import type { nlApp } from '../nl';
import type { Translation } from '../translation';
import { enAdministration } from './app-administration';
import { enCasework } from './app-casework';
import { enCommon } from './app-common';
import { enComplaints } from './app-complaints';
import { enManagement } from './app-management';
import { enSteps } from './app-steps';
import { enWork } from './app-work';

/** The panel's own English texts: the same keys as the Dutch (nl/index.ts), area by area. */
export const enApp: Translation<typeof nlApp> = { ...enCommon, ...enComplaints, ...enSteps, ...enCasework, ...enManagement, ...enAdministration, ...enWork };
