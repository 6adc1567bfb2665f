import pg from 'pg';

/**
 * Walks each council's audit chain in order and recomputes every hash. A deleted event shows as a
 * gap in the chain positions or a broken link; an altered one as a hash that no longer matches.
 * Runs as the owner so it sees every council; reads in batches so memory stays flat.
 */
export interface ChainProblem {
  laCode: string;
  chainSeq: number;
  problem: string;
}

export interface VerifyResult {
  councils: number;
  events: number;
  problems: ChainProblem[];
}

export async function verifyAuditChains(adminUrl: string, laCode?: string): Promise<VerifyResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const problems: ChainProblem[] = [];
  let events = 0;
  try {
    // Events written in the last moment may not be sealed yet: seal them first, so the check
    // covers every committed event (sealing only adds links; it cannot hide a change).
    await client.query('select audit_seal(2147483647)');
    const councils = (
      await client.query<{ la_code: string }>(
        `select distinct la_code from audit_events ${laCode ? 'where la_code = $1' : ''} order by la_code`,
        laCode ? [laCode] : [],
      )
    ).rows.map((r) => r.la_code);
    for (const la of councils) {
      let expectedSeq = 1;
      let previousHash: string | null = null;
      let after = 0;
      for (;;) {
        const { rows } = await client.query<{ chain_seq: string; prev_hash: string | null; hash: string; recomputed: string }>(
          `select e.chain_seq, e.prev_hash, e.hash, encode(digest(audit_event_canonical(e), 'sha256'), 'hex') as recomputed
             from audit_events e where e.la_code = $1 and e.chain_seq > $2 order by e.chain_seq limit 5000`,
          [la, after],
        );
        if (rows.length === 0) break;
        for (const r of rows) {
          const seq = Number(r.chain_seq);
          events++;
          if (seq !== expectedSeq) problems.push({ laCode: la, chainSeq: seq, problem: `events ${expectedSeq} to ${seq - 1} are missing` });
          if (r.prev_hash !== previousHash) problems.push({ laCode: la, chainSeq: seq, problem: 'does not link to the event before it' });
          if (r.recomputed !== r.hash) problems.push({ laCode: la, chainSeq: seq, problem: 'its content has changed since it was written' });
          expectedSeq = seq + 1;
          previousHash = r.hash;
          after = seq;
        }
      }
    }
    return { councils: councils.length, events, problems };
  } finally {
    await client.end();
  }
}
