/**
 * The scenario format's building blocks: ids and names in the id alphabet, bounded text, JSON data. Part of `scenarios/schema.ts`.
 */
import { LIMITS, sizeWithin } from '../behaviour/budget';
import { exprShape, ValueExprSchema } from '../behaviour/expr';
import { z } from '../zod';

export { Id } from './id';
export const Text = z.string().max(4000);
export const ShortText = z.string().min(1).max(200);
export const EventTypeName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'event types are PascalCase (e.g. OrderPlaced)');
export const CommandName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'command names are PascalCase (e.g. PlaceOrder)');
export const FieldName = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'field names are identifiers (letters, digits, _)')
  .refine((k) => !['__proto__', 'constructor', 'prototype'].includes(k), 'reserved name');
export const Json: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(4000), z.number(), z.boolean(), z.null(), z.array(Json).max(200), z.record(FieldName, Json)]),
);
/**
 * Data written in the scenario (an event's or command's data, initial fields, an upcaster's default):
 * bounded in size and nesting, so what a step copies and compares stays small (see `LIMITS`).
 */
export const JsonData = <T extends z.ZodType>(schema: T) =>
  schema.refine(
    (v) => sizeWithin(v, LIMITS.maxDataChars) <= LIMITS.maxDataChars && exprShape(v).depth <= LIMITS.maxDataDepth,
    {
      message: `this data is too big: at most ${LIMITS.maxDataChars.toLocaleString('en-US')} characters as JSON, nested at most ${LIMITS.maxDataDepth} deep`,
    },
  );
export const DataObject = JsonData(z.record(FieldName, Json));
export const Fields = z.record(FieldName, ValueExprSchema);
export const NonNegInt = z.number().int().min(0);
