// ESLint for the whole repository: typescript-eslint's recommended rules, `any` refused (a reason in
// a comment and a disable line where one is really needed). Style is Prettier's job, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist*/',
      '**/dist/',
      'reports/',
      'test-results/',
      'playwright-report/',
      '.profiles/',
      'release/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, chrome: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // TypeScript checks these better (types, exhaustive switches over unions).
      'no-undef': 'off',
      'no-redeclare': 'off',
    },
  },
);
