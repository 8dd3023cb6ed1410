import { nlAdministration } from './app-administration';
import { nlCasework } from './app-casework';
import { nlCommon } from './app-common';
import { nlComplaints } from './app-complaints';
import { nlManagement } from './app-management';
import { nlSteps } from './app-steps';
import { nlWork } from './app-work';

/** The panel's own Dutch texts, under `app.` (catalog.ts); each area in a file of its own, with its English twin in en/. */
export const nlApp = { ...nlCommon, ...nlComplaints, ...nlSteps, ...nlCasework, ...nlManagement, ...nlAdministration, ...nlWork };
