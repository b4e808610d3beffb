// Lint with the process boundaries as rules (issue #2): only the Electron glue may import
// 'electron'; the renderer reaches main only through window.api; shared/ is pure (no Node).
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads'];
const nodeImports = [
  { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' },
  ...NODE_BUILTINS.map((name) => ({ group: [name, `${name}/*`], message: 'No Node built-ins here.' })),
];
const electronImport = { group: ['electron', 'electron/*'], message: "Only electron/main and electron/preload may import 'electron'." };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'tests/artifacts/**', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronImport, ...nodeImports, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronImport, ...nodeImports, { group: ['**/electron/**'], message: 'The renderer talks to main only through window.api.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronImport, { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The core never depends on the glue or the renderer.' }] }],
    },
  },
);
