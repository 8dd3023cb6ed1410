import { CreateStaff1764064800000 } from './1764064800000-CreateStaff';

/** Every migration, in order. Append new ones; never edit one that has landed. */
export const migrations = [CreateStaff1764064800000];
