// @ts-check
/**
 * Lint: ESLint's and typescript-eslint's recommended rules for TypeScript, and
 * eslint-plugin-astro's for .astro files. Rules about layout (spacing, quotes,
 * line length) are left to the formatter (Prettier, `npm run format`).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/output/', 'public/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // Chinese text is set with the ideographic space (U+3000) on purpose; it is flagged anywhere else.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Plain JavaScript (the config files) runs in Node; TypeScript's own check covers globals in .ts files.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The desk's page scripts are plain JavaScript served to the browser as they are.
    files: ['desk/static/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    // An escape in a pattern of the search vocabulary, left for the search module's rework.
    files: ['src/lib/search/site-vocabulary.ts'],
    rules: { 'no-useless-escape': 'off' },
  },
);
