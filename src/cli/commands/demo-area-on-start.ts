import { formatIsoDate, todayInEngland } from '../../platform/calendar/index.ts';
import type { Config } from '../../platform/config/config.ts';
import { ROLE_NAMES } from '../../platform/identity/roles.ts';
import { DEMO_PASSWORD, isSeeded, listDemoAccounts, seedLocalArea, type DemoAccount } from '../../modules/demo-area/index.ts';
import { seedLocalOffer, seedProvision } from '../../modules/provision/index.ts';
import { seedDisputes } from '../../modules/disputes/index.ts';
import { seedPartnership } from '../../modules/partners/index.ts';
import { seedPlanning } from '../../modules/planning/index.ts';
import { seedFinance } from '../../modules/finance/index.ts';
import { seedLivingPlans } from '../../modules/reviews/index.ts';
import type { CliIo } from '../cli-io.ts';

export interface DemoOnStart {
  councilName: string;
  accounts: DemoAccount[];
  seededNow: boolean;
}

/**
 * On first start the demo council is created, so a fresh clone has something to click through.
 * Later starts reuse it. Production never seeds (SEED_ON_START=false there).
 */
export async function ensureDemoArea(adminUrl: string, config: Config, io: CliIo): Promise<DemoOnStart | undefined> {
  if (!config.seedOnStart || config.env === 'production') return undefined;
  const today = formatIsoDate(todayInEngland(new Date()));
  if (await isSeeded(adminUrl, config.demoLa)) {
    const council = await councilName(adminUrl, config.demoLa);
    return { councilName: council, accounts: await listDemoAccounts(adminUrl, config.demoLa), seededNow: false };
  }
  io.stdout(`Creating the demo council (${config.demoLa}) with synthetic children and cases…`);
  let lastDecile = -1;
  const result = await seedLocalArea({
    adminUrl,
    laCode: config.demoLa,
    today,
    onProgress: (written, total) => {
      const decile = Math.floor((written / Math.max(total, 1)) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        io.stdout(`  ${decile * 10}%`);
      }
    },
  });
  await seedProvision(adminUrl, config.demoLa, today).then(() => seedLocalOffer(adminUrl, config.demoLa));
  await seedDisputes(adminUrl, config.demoLa, todayInEngland(new Date()));
  await seedPartnership(adminUrl, config.demoLa, today);
  await seedPlanning(adminUrl, config.demoLa, today);
  await seedFinance(adminUrl, config.demoLa, today);
  await seedLivingPlans(adminUrl, config.demoLa, todayInEngland(new Date()));
  io.stdout(`Demo council ${result.councilName} ready in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
  return { councilName: result.councilName, accounts: result.demoAccounts, seededNow: true };
}

export function printDemoAccounts(demo: DemoOnStart, io: CliIo): void {
  io.stdout(`\nDemo sign-ins for ${demo.councilName} (synthetic data; every account's password is ${DEMO_PASSWORD}):`);
  const width = Math.max(...demo.accounts.map((a) => ROLE_NAMES[a.role].length));
  for (const a of demo.accounts) io.stdout(`  ${ROLE_NAMES[a.role].padEnd(width)}  ${a.email}`);
}

async function councilName(adminUrl: string, laCode: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select name from councils where la_code = $1', [laCode]);
    return rows[0]?.name ?? laCode;
  } finally {
    await client.end();
  }
}
