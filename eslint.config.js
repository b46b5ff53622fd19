// Lint rules for the whole repository (typescript-eslint, type-aware off for speed).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The core is host-neutral: it must never reach for a host API.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'Office',
        'Excel',
        'CustomFunctions',
        'SpreadsheetApp',
        'HtmlService',
        'google',
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['**/excel-addin/**', '**/sheets-addon/**', 'hyperformula', 'exceljs'] },
      ],
    },
  },
);
