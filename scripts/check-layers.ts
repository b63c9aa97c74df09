import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findLayerViolations } from './layers';

/** `npm run lint`: fails when any tracked or new source file breaks the layer rules. */
const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'shared', 'renderer', 'electron'], {
  encoding: 'utf8',
});
const files = listed
  .split('\n')
  .filter((path) => /\.(ts|tsx)$/.test(path))
  .map((path) => ({ path, source: readFileSync(path, 'utf8') }));

const violations = findLayerViolations(files);
for (const violation of violations) {
  console.error(`${violation.file}: import '${violation.specifier}' — ${violation.rule}`);
}
if (violations.length > 0) {
  console.error(`${violations.length} layer violation(s)`);
  process.exit(1);
}
console.log(`layers: ${files.length} files checked, no violations`);
