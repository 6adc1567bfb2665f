import type { Tx } from '../../../platform/db/connection.ts';
import { readOrukFeed } from '../domain/oruk-mapping.ts';
import { saveBundles } from '../infrastructure/oruk.repository.ts';

/** Imports an ORUK feed (parsed JSON) into a council's Local Offer: all or nothing. */
export async function importLocalOfferFeed(tx: Tx, laCode: string, feed: unknown): Promise<{ imported: number; problems: string[] }> {
  const { bundles, problems } = readOrukFeed(feed);
  if (problems.length) return { imported: 0, problems };
  await saveBundles(tx, laCode, bundles);
  return { imported: bundles.length, problems: [] };
}
