import fs from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { formatDateLong } from './view-filters.ts';

/**
 * One Nunjucks environment for every module. Each module keeps its templates in
 * src/modules/<m>/web/views/<m>/…, so a module's template is named '<m>/page.njk'.
 */
export function createNunjucksEnv(root: string): nunjucks.Environment {
  const srcRoot = path.join(root, 'src');
  const searchPaths = [path.join(srcRoot, 'platform', 'web', 'views')];
  const modulesDir = path.join(srcRoot, 'modules');
  for (const m of fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir).sort() : []) {
    const views = path.join(modulesDir, m, 'web', 'views');
    if (fs.existsSync(views)) searchPaths.push(views);
  }
  searchPaths.push(path.join(root, 'node_modules', 'govuk-frontend', 'dist'));
  searchPaths.push(path.join(root, 'node_modules', '@ministryofjustice', 'frontend'));
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(searchPaths, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('longDate', formatDateLong);
  memoiseTemplateResolution(env);
  addComponentMemo(env);
  return env;
}

type Resolver = (loader: nunjucks.ILoader, parentName: string | null, filename: string) => string;

/**
 * Every GOV.UK macro includes its template by a relative name, and Nunjucks turns that name into a
 * path with path.resolve on every call, before it even looks in its compiled-template cache: a
 * large share of a page's render. The answer depends only on the two names (the search paths are
 * fixed when the environment is made), so it is remembered.
 */
function memoiseTemplateResolution(env: nunjucks.Environment): void {
  const target = env as unknown as { resolveTemplate: Resolver };
  const resolve = target.resolveTemplate.bind(env);
  const known = new Map<string, string>();
  target.resolveTemplate = (loader, parentName, filename) => {
    const key = `${parentName ?? ''}\u0000${filename}`;
    let found = known.get(key);
    if (found === undefined) {
      found = resolve(loader, parentName, filename);
      known.set(key, found);
    }
    return found;
  };
}

const COMPONENT_MEMO_ENTRIES = 5000;

/**
 * `{{ govukComponent("tag", params) }}`: a GOV.UK Frontend component rendered once per distinct set
 * of parameters, then reused. A component's template is a pure function of its `params`, and a
 * Nunjucks macro call (a new frame, an include, its own imports) costs far more than looking the
 * answer up: a caseload page calls `govukTag` fifty times with a handful of distinct parameters.
 * Used where the same parameters recur (the layout's header, banner and back link; tags; filter
 * forms); components whose parameters change on every request (anything carrying a CSRF token)
 * keep the macro. The memo is bounded, oldest out first.
 */
function addComponentMemo(env: nunjucks.Environment): void {
  const rendered = new Map<string, string>();
  env.addGlobal('govukComponent', (name: string, params: Record<string, unknown> = {}) => {
    const key = `${name}\u0000${JSON.stringify(params)}`;
    let html = rendered.get(key);
    if (html === undefined) {
      html = env.render(`govuk/components/${name}/template.njk`, { params });
      if (rendered.size >= COMPONENT_MEMO_ENTRIES) rendered.delete(rendered.keys().next().value as string);
      rendered.set(key, html);
    }
    return new nunjucks.runtime.SafeString(html);
  });
}
