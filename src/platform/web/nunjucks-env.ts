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
  return env;
}
