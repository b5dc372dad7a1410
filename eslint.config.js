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
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG.' }],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'd3', 'd3-*', 'zustand'], message: 'The engine is pure TypeScript.' },
        { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/protocol/**'], message: 'The engine imports nothing outside itself.' },
      ] }],
    },
  },
);
