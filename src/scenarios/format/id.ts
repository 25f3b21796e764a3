/**
 * A scenario's ids and names (the id alphabet of `idAlphabet.ts`). Its own module so the stored-run
 * checks (`learnerInput.ts`) and share links can use it without building the whole scenario schema.
 */
import { ID_PATTERN, MAX_SCENARIO_ID_LENGTH } from '../idAlphabet';
import { z } from '../zod';

export const Id = z
  .string()
  .min(1)
  .max(MAX_SCENARIO_ID_LENGTH)
  .regex(ID_PATTERN, 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
