import { findLayerViolations, readProjectSources } from './layers';

/** `npm run lint`: fails when any tracked or new source file breaks the layer rules. */
const files = readProjectSources();
const violations = findLayerViolations(files);
for (const violation of violations) {
  console.error(`${violation.file}: import '${violation.specifier}' — ${violation.rule}`);
}
if (violations.length > 0) {
  console.error(`${violations.length} layer violation(s)`);
  process.exit(1);
}
console.log(`layers: ${files.length} files checked, no violations`);
