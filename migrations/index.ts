import { CreateStaff1764064800000 } from './1764064800000-CreateStaff';
import { ComplaintProcedure1764151200000 } from './1764151200000-ComplaintProcedure';

/** Every migration, in order. Append new ones; never edit one that has landed. */
export const migrations = [CreateStaff1764064800000, ComplaintProcedure1764151200000];
