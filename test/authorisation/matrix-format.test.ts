import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTORS, expectedOutcome, loadMatrix } from './matrix-format.ts';

/** The matrix file checks: a malformed row must stop the build, not be skipped quietly. */
let dir: string;
const write = (name: string, routes: unknown[]) => fs.writeFileSync(path.join(dir, name), JSON.stringify({ module: name, routes }));
const everyone = (o: unknown) => Object.fromEntries(ACTORS.map((a) => [a, o]));

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadMatrix', () => {
  it('reads a well-formed file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-'));
    write('a.json', [{ route: 'GET /cases/:caseId', params: { caseId: '@case.id' }, expect: { ...everyone(403), 'ehc-coordinator': { own: 200, 'other-child': 200, 'other-council': 404 } } }]);
    const [row] = loadMatrix(dir);
    expect(row).toMatchObject({ method: 'GET', url: '/cases/:caseId', file: 'a.json' });
    expect(expectedOutcome(row!.expect['ehc-coordinator'], 'other-council')).toBe(404);
    expect(expectedOutcome(row!.expect['mediator'], 'own')).toBe(403);
  });

  it('names every problem at once: missing role, unknown role, missing or extra parameter, bad outcome, duplicate', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-'));
    const { mediator: _left, ...noMediator } = everyone(200);
    write('a.json', [
      { route: 'GET /x/:id', expect: noMediator },
      { route: 'GET /y', params: { id: '1' }, expect: { ...everyone(200), caretaker: 200 } },
      { route: 'POST /z', expect: everyone(500) },
      { route: 'GET /z', expect: { ...everyone(200), mediator: { somewhere: 200 } } },
      { route: 'fetch /w', expect: everyone(200) },
    ]);
    write('b.json', [{ route: 'POST /z', expect: everyone('reached') }]);
    let message = '';
    try {
      loadMatrix(dir);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('GET /x/:id: no value for :id');
    expect(message).toContain('GET /x/:id: no expectation for "mediator"');
    expect(message).toContain('"params" names :id, which the path does not have');
    expect(message).toContain('"caretaker" is not a role');
    expect(message).toContain('outcome 500 must be a status code');
    expect(message).toContain('"somewhere" is not a context');
    expect(message).toContain('route "fetch /w" must look like');
    expect(message).toContain('POST /z appears more than once');
  });

  it('the real matrix files are well formed', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-'));
    expect(loadMatrix().length).toBeGreaterThan(100);
  });
});
