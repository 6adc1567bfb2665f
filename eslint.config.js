import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Modules talk to each other only through their public face (index.ts).
const moduleFace = {
  regex: '^(\\.\\./)+modules/[^/]+/(domain|application|infrastructure|web)/',
  message: 'Import another module through its index.ts.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'public/**', 'coverage/**', 'scratch/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleFace] }] },
  },
  {
    // The domain core is pure: no framework, no database, no clock, no environment.
    files: ['src/modules/*/domain/**/*.ts'],
    ignores: ['src/modules/*/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            moduleFace,
            { group: ['fastify*', '@fastify/*', 'kysely*', 'pg', 'nunjucks', 'node:fs', 'fs'], message: 'Domain code is pure.' },
            { group: ['**/infrastructure/**', '**/web/**', '**/application/**'], message: 'Domain code is pure.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Domain code takes its inputs as arguments.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes in as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in as an argument.' },
      ],
    },
  },
);
