// ESLint: typescript-eslint's recommended rules plus the rules that keep the architecture:
// src/core is pure (no DOM, no extension API, nothing outside core), the shells (content,
// background, popup, notebook, options, frame: the notes frame inside the card) never reach into each other, and the lazily loaded UI bundle
// (src/content/ui) is imported from outside its folder for types only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SHELLS = ['content', 'background', 'popup', 'notebook', 'options', 'frame'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'];

/**
 * Import patterns (regular expressions over the import string, which is relative: "../background/db")
 * that reach a shell's internals from elsewhere.
 */
const shellPatterns = (except) =>
  SHELLS.filter((s) => s !== except).map((s) => ({
    regex: `(^|/)${s}(/|$)`,
    message: `shells do not import each other's internals (${s}); share through src/core or src/shared`,
  }));
const TOOLING = { regex: '(^|/)(tools|scripts)(/|$)', message: 'the extension does not import build or test tooling' };

/** Browser globals core code must not touch: it runs in Node for the CLI, tests and benchmarks. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'localStorage',
  'indexedDB',
  'HTMLElement',
  'Element',
  'Node',
  'Range',
  'MutationObserver',
  'requestAnimationFrame',
  'CSS',
  'fetch',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'assets/**', 'tools/browser/probe/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Deliberate `_` parameters and destructuring rests that drop fields are fine.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Empty destructuring is how Playwright fixtures say "no dependencies".
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'src/core is pure TypeScript: no DOM or extension globals (it runs in Node)' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'src/core imports no extension API' },
            { name: 'idb', message: 'only src/background opens IndexedDB' },
            { name: 'preact', message: 'src/core has no UI' },
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core runs in the browser too: no Node modules' },
            { group: ['preact/*', '@floating-ui/*'], message: 'src/core has no UI' },
            {
              regex: '(^|/)(content|background|popup|notebook|options|frame|shared|tools|scripts|test)(/|$)',
              message: 'src/core imports nothing outside src/core',
            },
          ],
        },
      ],
    },
  },
  ...SHELLS.map((shell) => ({
    files: [`src/${shell}/**/*.{ts,tsx}`],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [...shellPatterns(shell), TOOLING] }] },
  })),
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [...shellPatterns(''), TOOLING] }] },
  },
  {
    // The UI bundle's boundary: outside src/content/ui, only types come from it (the content
    // script loads ui.js on first need; a value import would pull it into content.js).
    files: ['src/content/**/*.{ts,tsx}'],
    ignores: ['src/content/ui/**', ...TESTS],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./ui/|/content/ui/',
              allowTypeImports: true,
              message: 'import only types from the lazily loaded UI bundle (src/content/ui)',
            },
            ...shellPatterns('content'),
            TOOLING,
          ],
        },
      ],
      'no-restricted-imports': 'off',
    },
  },
);
