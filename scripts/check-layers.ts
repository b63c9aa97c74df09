import { findImportCycles, findLayerViolations, readProjectSources } from './layers';

/** `npm run lint`: fails when any tracked or new source file breaks the layer rules or sits in an import cycle. */
const files = readProjectSources();
const violations = findLayerViolations(files);
for (const violation of violations) {
  console.error(`${violation.file}: import '${violation.specifier}' — ${violation.rule}`);
}
const cycles = findImportCycles(files);
for (const cycle of cycles) {
  console.error(`import cycle of ${cycle.length} files:\n  ${cycle.join('\n  ')}`);
}
if (violations.length > 0 || cycles.length > 0) {
  console.error(`${violations.length} layer violation(s), ${cycles.length} import cycle(s)`);
  process.exit(1);
}
console.log(`layers: ${files.length} files checked, no violations, no import cycles`);
