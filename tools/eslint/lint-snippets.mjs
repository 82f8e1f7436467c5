/*
 * Lints code that exists only in memory, as if it were saved at a path of the repository, with
 * the repository's ESLint config: the boundary specs show that a crossing fails lint. It runs in
 * a process of its own because Jest cannot load the ES-module config.
 *
 *   stdin:  [{ "filePath": "apps/web/src/lib/example.ts", "code": "import …" }, …]
 *   stdout: [{ "filePath": …, "messages": [{ "ruleId": …, "message": … }] }, …]
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import typeChecked from './type-checked.mjs';

/**
 * The type-aware rules need each file in a TypeScript project, which an in-memory file is not:
 * they are off here (the boundaries rules they would hide are what the specs are about).
 */
const withoutTypes = typeChecked.map(({ files, rules }) => ({
  files,
  languageOptions: { parserOptions: { project: null } },
  rules: Object.fromEntries(Object.keys(rules).map((rule) => [rule, 'off'])),
}));

/**
 * Nx's own boundary rule reads a cached project graph, which a fresh checkout lacks until an `nx`
 * command has run (it then prints a warning on stdout); the specs are about the rules above.
 */
const withoutNxGraph = { rules: { '@nx/enforce-module-boundaries': 'off' } };

const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  overrideConfig: [...withoutTypes, withoutNxGraph],
});
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push({
    filePath,
    messages: result.messages.map(({ ruleId, message }) => ({ ruleId, message })),
  });
}
process.stdout.write(JSON.stringify(results));
