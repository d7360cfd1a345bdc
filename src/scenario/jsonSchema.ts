import * as z from 'zod/mini';
import { scenarioSchema } from './schema.js';

/**
 * The scenario format as a JSON Schema, generated from the zod schema. Draft-07, the draft
 * that YAML language servers read; it describes what may be written (the input side).
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'btcfi scenario',
    description: 'One BTCFi TVL scenario: a TVL, or a market cap times a utilization, compounding over a horizon. See btcfi --help.',
    ...rest,
  };
}
