import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const engineBans = [
  { name: 'Date', message: 'The engine runs on the simulation clock.' },
  { name: 'setTimeout', message: 'The engine has no timers: schedule an event.' },
  { name: 'setInterval', message: 'The engine has no timers: schedule an event.' },
  { name: 'performance', message: 'The engine runs on the simulation clock.' },
  { name: 'window', message: 'The engine is pure: no DOM.' },
  { name: 'self', message: 'The engine is pure: no worker globals.' },
  { name: 'document', message: 'The engine is pure: no DOM.' },
  { name: 'clearTimeout', message: 'The engine has no timers: schedule an event.' },
  { name: 'clearInterval', message: 'The engine has no timers: schedule an event.' },
  { name: 'setImmediate', message: 'The engine has no timers: schedule an event.' },
  { name: 'queueMicrotask', message: 'The engine has no timers: schedule an event.' },
  { name: 'requestAnimationFrame', message: 'The engine has no timers: schedule an event.' },
  { name: 'structuredClone', message: 'The engine copies its state with core/clone.ts (structuredClone drops prototypes).' },
  { name: 'fetch', message: 'The engine is pure: no I/O.' },
  { name: 'crypto', message: 'The engine is pure: use the seeded PRNG (core/prng.ts) and Murmur3 (core/murmur3.ts).' },
  { name: 'process', message: 'The engine is pure: no Node globals.' },
  { name: 'global', message: 'The engine is pure: no Node globals.' },
  { name: 'navigator', message: 'The engine is pure: no DOM.' },
];

// Aliases would hide the bans above from lint: `const M = Math; M.random()`, `const { random } = Math`,
// `globalThis.setTimeout`, `Math['ran' + 'dom']`. Math is reached only as `Math.name`.
const engineAliasBans = [
  { selector: ':not(MemberExpression) > Identifier[name=/^(Math|globalThis)$/]', message: 'Use Math only as Math.name (e.g. Math.floor): an alias of Math or globalThis hides Math.random and timers from lint.' },
  { selector: 'MemberExpression[computed=true][object.name=/^(Math|globalThis)$/]', message: 'Use Math only as Math.name: a computed property of Math or globalThis hides Math.random and timers from lint.' },
];

const throughProtocol = {
  group: ['**/engine', '**/engine/**'],
  message: 'The UI reaches the engine only through src/protocol (engineValues is the door).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [throughProtocol] }] },
  },
  {
    files: ['src/view/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        throughProtocol,
        { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', '**/store', '**/store/**', '**/ui/**'], message: 'src/view is framework-free view logic: no React, no store, no components.' },
      ] }],
    },
  },
  {
    files: ['src/offline/sw.js'],
    languageOptions: { globals: { ...globals.serviceworker, __HINTSCOPE_FILES__: 'readonly' } },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...engineBans],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG.' },
        { object: 'globalThis', message: 'The engine is pure: no globals through globalThis (timers, DOM, Node, fetch, crypto).' },
      ],
      'no-restricted-syntax': ['error', ...engineAliasBans],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'd3', 'd3-*', 'zustand'], message: 'The engine is pure TypeScript.' },
        { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/protocol/**'], message: 'The engine imports nothing outside itself.' },
      ] }],
    },
  },
  {
    // House style: small functions and files (a longer file says why on its first line:
    // `/* eslint-disable max-lines -- reason */`).
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines-per-function': ['error', { max: 70, skipBlankLines: true, skipComments: true, IIFEs: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
