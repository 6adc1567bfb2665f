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
