/** Reads a model's prices from the `prices` collection, in the shape src/lib/pricing.ts takes. */
import { getEntry } from 'astro:content';
import type { ModelPrice } from '../lib/pricing.ts';

export type PricedModel = ModelPrice & { inForce: string; source: { url: string; title: string; note: string; corroboration?: string | undefined }; unsourced: string[] };

export async function getModelPrice(id: string): Promise<PricedModel> {
  const entry = await getEntry('prices', id);
  // remark-price-checks rejects unknown ids at compile time, with the MDX line; this guards other callers.
  if (!entry) throw new Error(`No model "${id}" in content/prices/models.json.`);
  const { cachedInput, ...rest } = entry.data;
  return cachedInput === undefined ? rest : { ...rest, cachedInput };
}
