import { z } from "zod";

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorResponseSchema])) as Record<
    number,
    typeof errorResponseSchema
  >;

/** Error responses every authenticated route can give. */
export const readErrors = errorResponses(400, 401, 403, 404, 429);
export const writeErrors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);

export const idParams = (pattern: z.ZodString) => z.strictObject({ id: pattern });

/**
 * The PATCH form of a create schema: every field optional and no defaults, so a field left out
 * keeps its stored value instead of being reset to the create default.
 */
export function patchSchemaOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    shape[key] = (inner as z.ZodType).optional();
  }
  return z
    .strictObject(shape)
    .refine((value) => Object.keys(value).length > 0, { message: "send at least one field" });
}
