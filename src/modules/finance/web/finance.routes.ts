import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayIsoInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { can } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { SEN2_NEED_CODES } from '../../plans/index.ts';
import { overviewIn, type FinanceOverview } from '../application/finance-overview.ts';
import { financialYearOf } from '../domain/financial-year.ts';
import { parseLedgerCsv, LEDGER_COLUMNS, type LedgerProblem } from '../domain/ledger-csv.ts';
import { LINES } from '../domain/money-lines.ts';
import { addCapitalProject, addScenario, deleteScenario, importLedger, ledgerImports, loadBudgetLines, loadYear, saveBudget, setTariff } from '../infrastructure/finance.repository.ts';
import { budgetCsv, forecastCsv, placesCsv, scenariosCsv } from './finance-csv.ts';
import { budgetValues, parseBudget, parseProject, parseScenario, parseTariff, PROJECT_KINDS, type Body } from './finance-forms.ts';
import { budgetPage, forecastPage, placesPage, scenariosPage, common } from './finance-presenter.ts';

/** Today's date in England, read once per request at the edge. */
const todayIso = (): string => todayIsoInEngland();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The council a finance page is about: the signed-in user's (finance is one council's money). */
function councilOf(req: FastifyRequest): string | undefined {
  return req.principal?.laCodes[0];
}
const scopeOf = (req: FastifyRequest) => ({ laCodes: req.principal!.laCodes, userId: req.principal!.userId });

/**
 * Runs the database work in one tenant transaction and sends the reply only after it commits: the
 * work returns what to send, as a function. (Returning the reply itself from inside the transaction
 * would send the response before the commit, since a Fastify reply is a thenable.)
 */
type Send = () => unknown;
async function withCouncil(db: Db, req: FastifyRequest, reply: FastifyReply, fn: (tx: Tx, laCode: string) => Promise<Send>): Promise<unknown> {
  const laCode = councilOf(req);
  if (!laCode) return reply.code(403).render('finance/no-council.njk', { title: 'Finance is for a council’s staff' });
  const send = await withTenant(db, scopeOf(req), (tx) => fn(tx, laCode));
  return send();
}

const csv = (reply: FastifyReply, name: string, body: string) =>
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);

/** The SEND manager's finance pages: budget, ledger import, forecast, scenarios and place planning. */
export function registerFinanceRoutes(app: FastifyInstance, db: Db): void {
  const view = { config: { access: 'finance:view' as const } }, manage = { config: { access: 'finance:manage' as const } };
  const overview = (tx: Tx, laCode: string): Promise<FinanceOverview> => overviewIn(tx, laCode, todayIso());
  const canManage = (req: FastifyRequest) => can(req.principal, 'finance:manage');
  const audit = (tx: Tx, req: FastifyRequest, entry: Parameters<typeof recordAudit>[2]) => recordAudit(tx, { principal: req.principal, requestId: req.id }, entry);

  const budget = async (tx: Tx, la: string, req: FastifyRequest, reply: FastifyReply, code = 200, values: Body = {}, errors = emptyErrors()): Promise<Send> => {
    const data = { ...budgetPage(await overview(tx, la)), imports: await ledgerImports(tx, la), canManage: canManage(req), values, errors, lines: LINES, ...common };
    return () => reply.code(code).render('finance/budget.njk', data);
  };
  app.get('/finance', view, async (req, reply) => withCouncil(db, req, reply, (tx, la) => budget(tx, la, req, reply)));
  app.post<{ Body: Body }>('/finance/tariffs', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const parsed = parseTariff(req.body ?? {});
    if (!parsed.ok) return budget(tx, la, req, reply, 400, req.body ?? {}, parsed.errors);
    await setTariff(tx, la, parsed.value.line, parsed.value.annualPence, parsed.value.from);
    await audit(tx, req, { laCode: la, action: 'update', recordType: 'finance-tariff', recordId: `${la}-${parsed.value.line}-${parsed.value.from}` });
    return () => reply.redirect('/finance#tariffs', 303);
  }));
  app.get('/finance/budget.csv', view, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const body = budgetCsv(await overview(tx, la));
    return () => csv(reply, 'high-needs-budget.csv', body);
  }));

  const budgetForm = (reply: FastifyReply, code: number, values: Body, errors: FormErrors): Send => () =>
    reply.code(code).render('finance/budget-edit.njk', { title: `Change the ${common.yearLabel(financialYearOf(todayIso()))} high-needs budget`, values, errors, lines: LINES, ...common });
  app.get('/finance/budget/edit', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const year = financialYearOf(todayIso());
    const y = await loadYear(tx, la, year);
    const lines = await loadBudgetLines(tx, la, year);
    return budgetForm(reply, 200, budgetValues(y ? { ...y, lines } : { version: 0, allocationPence: 0, broughtForwardPence: 0, inflationBp: 300, allocationGrowthBp: 300, lines }), emptyErrors());
  }));
  app.post<{ Body: Body }>('/finance/budget/edit', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const body = req.body ?? {};
    const parsed = parseBudget(body);
    if (!parsed.ok) return budgetForm(reply, 400, body, parsed.errors);
    const year = financialYearOf(todayIso());
    const saved = await saveBudget(tx, la, year, parsed.value.version, parsed.value);
    if (saved === 'stale') {
      const current = await loadYear(tx, la, year);
      const errors = addError(emptyErrors(), 'allocation', 'Someone else saved this budget after you opened it, so your changes were not saved. Your figures are below: check them against the budget page and save again.');
      return budgetForm(reply, 409, { ...body, version: String(current?.version ?? 0) }, errors);
    }
    await audit(tx, req, { laCode: la, action: 'update', recordType: 'high-needs-budget', recordId: `${la}-${year}`, detail: { version: saved } });
    return () => reply.redirect('/finance', 303);
  }));

  const ledgerPage = async (tx: Tx, la: string, reply: FastifyReply, code: number, extra: Record<string, unknown>): Promise<Send> => {
    const data = { title: 'Import the ledger', problems: [], csv: '', columns: LEDGER_COLUMNS, lines: LINES, imports: await ledgerImports(tx, la), ...common, ...extra };
    return () => reply.code(code).render('finance/ledger.njk', data);
  };
  app.get('/finance/ledger', manage, async (req, reply) => withCouncil(db, req, reply, (tx, la) => ledgerPage(tx, la, reply, 200, {})));
  app.register(async (scope) => {
    // Multipart (the file upload) is parsed only here; the paste box also works as a plain form.
    await scope.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
    scope.post<{ Body: { ledgerFile?: Buffer | string; csv?: string } }>('/finance/ledger', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
      const file = req.body?.ledgerFile;
      const fromFile = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      const text = fromFile.trim() ? fromFile : String(req.body?.csv ?? '');
      const refuse = (problems: LedgerProblem[]) => ledgerPage(tx, la, reply, 400, {
        problems, csv: fromFile.trim() ? '' : text,
        errors: { list: [{ text: `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`, href: '#ledgerFile' }], fields: {} },
      });
      if (!text.trim()) return refuse([{ line: 1, message: 'Choose a CSV file or paste the ledger' }]);
      const parsed = parseLedgerCsv(text);
      if (!parsed.ok) return refuse(parsed.problems);
      const result = await importLedger(tx, la, fromFile.trim() ? 'uploaded.csv' : 'pasted.csv', parsed.rows, req.principal!.userId);
      // A conflict's index is its data row; the header is line 1. (Quoted fields spanning lines are rare in a ledger export.)
      if (result.conflicts.length) return refuse(result.conflicts.map((c) => ({ line: c.index + 2, message: `Reference "${c.reference}" was imported before with a different date, line or amount; a correction must be a new payment with its own reference` })));
      await audit(tx, req, { laCode: la, action: 'import', recordType: 'ledger', recordId: la, detail: { imported: result.imported, alreadyHeld: result.alreadyHeld } });
      return ledgerPage(tx, la, reply, 200, { title: 'Ledger imported', done: result });
    }));
  });

  app.get('/finance/forecast', view, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const data = { ...forecastPage(await overview(tx, la)), ...common };
    return () => reply.render('finance/forecast.njk', data);
  }));
  app.get('/finance/forecast.csv', view, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const body = forecastCsv(await overview(tx, la));
    return () => csv(reply, 'dsg-forecast.csv', body);
  }));

  const scenarios = async (tx: Tx, la: string, req: FastifyRequest, reply: FastifyReply, code = 200, values: Body = {}, errors = emptyErrors()): Promise<Send> => {
    const data = { ...scenariosPage(await overview(tx, la)), values, errors, canManage: canManage(req), ...common };
    return () => reply.code(code).render('finance/scenarios.njk', data);
  };
  app.get('/finance/scenarios', view, async (req, reply) => withCouncil(db, req, reply, (tx, la) => scenarios(tx, la, req, reply)));
  app.get('/finance/scenarios.csv', view, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const body = scenariosCsv(await overview(tx, la));
    return () => csv(reply, 'scenarios.csv', body);
  }));
  app.post<{ Body: Body }>('/finance/scenarios', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const parsed = parseScenario(req.body ?? {});
    if (!parsed.ok) return scenarios(tx, la, req, reply, 400, req.body ?? {}, parsed.errors);
    const id = await addScenario(tx, la, parsed.value.name, parsed.value.change);
    await audit(tx, req, { laCode: la, action: 'create', recordType: 'finance-scenario', recordId: id });
    return () => reply.redirect('/finance/scenarios', 303);
  }));
  app.post<{ Params: { id: string } }>('/finance/scenarios/:id/delete', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    if (!UUID.test(req.params.id) || !(await deleteScenario(tx, la, req.params.id))) return () => reply.callNotFound();
    await audit(tx, req, { laCode: la, action: 'delete', recordType: 'finance-scenario', recordId: req.params.id });
    return () => reply.redirect('/finance/scenarios', 303);
  }));

  const places = async (tx: Tx, la: string, req: FastifyRequest, reply: FastifyReply, code = 200, values: Body = {}, errors = emptyErrors()): Promise<Send> => {
    const data = { ...placesPage(await overview(tx, la)), values, errors, projectKinds: PROJECT_KINDS, canManage: canManage(req), ...common };
    return () => reply.code(code).render('finance/places.njk', data);
  };
  app.get('/finance/places', view, async (req, reply) => withCouncil(db, req, reply, (tx, la) => places(tx, la, req, reply)));
  app.get('/finance/places.csv', view, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const body = placesCsv(await overview(tx, la));
    return () => csv(reply, 'place-gap.csv', body);
  }));
  app.post<{ Body: Body }>('/finance/places/projects', manage, async (req, reply) => withCouncil(db, req, reply, async (tx, la) => {
    const parsed = parseProject(req.body ?? {}, SEN2_NEED_CODES);
    if (!parsed.ok) return places(tx, la, req, reply, 400, req.body ?? {}, parsed.errors);
    const id = await addCapitalProject(tx, la, parsed.value);
    await audit(tx, req, { laCode: la, action: 'create', recordType: 'capital-project', recordId: id });
    return () => reply.redirect('/finance/places', 303);
  }));
}
