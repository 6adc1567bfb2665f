import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the stylesheet (GOV.UK Frontend compiled with the council typeface, then MoJ Frontend and
 * our own rules) into public/, named by content hash so it can be cached for a year. Rebuilt only
 * when its inputs change, so start-up stays fast.
 */
export interface BuiltAssets {
  /** URL prefix under which every asset is immutable for this build. */
  prefix: string;
  cssFile: string;
  outDir: string;
}

function packageVersion(root: string, name: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function buildAssets(root: string): Promise<BuiltAssets> {
  const source = path.join(root, 'src', 'platform', 'web', 'assets');
  const scss = fs.readFileSync(path.join(source, 'app.scss'), 'utf8');
  const initJs = fs.readFileSync(path.join(source, 'init.mjs'), 'utf8');
  const key = createHash('sha256')
    .update(scss)
    .update(initJs)
    .update(packageVersion(root, 'govuk-frontend'))
    .update(packageVersion(root, '@ministryofjustice/frontend'))
    .digest('hex')
    .slice(0, 12);
  const outDir = path.join(root, 'public', key);
  const cssFile = path.join(outDir, 'app.css');
  if (!fs.existsSync(cssFile)) {
    const sass = await import('sass');
    const compiled = sass.compile(path.join(source, 'app.scss'), {
      loadPaths: [root, path.join(root, 'node_modules')],
      style: 'compressed',
      quietDeps: true,
    });
    const moj = fs
      .readFileSync(path.join(root, 'node_modules', '@ministryofjustice', 'frontend', 'moj', 'moj-frontend.min.css'), 'utf8')
      .replaceAll('"GDS Transport",', '');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'init.mjs'), initJs);
    // Write-then-rename so a concurrent start never serves half a file.
    const tmp = `${cssFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${compiled.css}\n${moj}`);
    fs.renameSync(tmp, cssFile);
  }
  return { prefix: `/assets/${key}`, cssFile, outDir };
}
