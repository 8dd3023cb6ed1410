import { CreateStaff1764064800000 } from './1764064800000-CreateStaff';
import { ComplaintProcedure1764151200000 } from './1764151200000-ComplaintProcedure';
import { ObjectionsHearingsReferrals1764237600000 } from './1764237600000-ObjectionsHearingsReferrals';
import { BiAndReview1764324000000 } from './1764324000000-BiAndReview';
import { OpenComplaintIndexes1764410400000 } from './1764410400000-OpenComplaintIndexes';
import { ComplainantIndex1764496800000 } from './1764496800000-ComplainantIndex';
import { LeastPrivilege1764583200000 } from './1764583200000-LeastPrivilege';
import { AuditTrail1764669600000 } from './1764669600000-AuditTrail';
import { ObjectionDirector1764756000000 } from './1764756000000-ObjectionDirector';
import { ProcedureComplete1764842400000 } from './1764842400000-ProcedureComplete';
import { ScheduledWork1764928800000 } from './1764928800000-ScheduledWork';
import { Correspondence1765015200000 } from './1765015200000-Correspondence';
import { Privacy1765101600000 } from './1765101600000-Privacy';
import { PrivacyHardening1765188000000 } from './1765188000000-PrivacyHardening';
import { ComplainantPortal1765274400000 } from './1765274400000-ComplainantPortal';
import { ComplainantActions1765360800000 } from './1765360800000-ComplainantActions';
import { DailyUse1765447200000 } from './1765447200000-DailyUse';
import { LettersRenderedWhenRead1765533600000 } from './1765533600000-LettersRenderedWhenRead';
import { StatisticsRollup1765620000000 } from './1765620000000-StatisticsRollup';
import { StatisticsByDay1765706400000 } from './1765706400000-StatisticsByDay';

/** Every migration, in order. Append new ones; never edit one that has landed. */
export const migrations = [
  CreateStaff1764064800000,
  ComplaintProcedure1764151200000,
  ObjectionsHearingsReferrals1764237600000,
  BiAndReview1764324000000,
  OpenComplaintIndexes1764410400000,
  ComplainantIndex1764496800000,
  LeastPrivilege1764583200000,
  AuditTrail1764669600000,
  ObjectionDirector1764756000000,
  ProcedureComplete1764842400000,
  ScheduledWork1764928800000,
  Correspondence1765015200000,
  Privacy1765101600000,
  PrivacyHardening1765188000000,
  ComplainantPortal1765274400000,
  ComplainantActions1765360800000,
  DailyUse1765447200000,
  LettersRenderedWhenRead1765533600000,
  StatisticsRollup1765620000000,
  StatisticsByDay1765706400000,
];
