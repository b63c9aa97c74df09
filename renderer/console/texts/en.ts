import consoleShell from '../../../resources/locales/en/console.json' with { type: 'json' };
import consoleErrors from '../../../resources/locales/en/consoleErrors.json' with { type: 'json' };
import consoleAccounts from '../../../resources/locales/en/consoleAccounts.json' with { type: 'json' };
import consoleAudit from '../../../resources/locales/en/consoleAudit.json' with { type: 'json' };
import consoleStations from '../../../resources/locales/en/consoleStations.json' with { type: 'json' };
import consoleIngest from '../../../resources/locales/en/consoleIngest.json' with { type: 'json' };
import consoleReview from '../../../resources/locales/en/consoleReview.json' with { type: 'json' };
import consoleFigures from '../../../resources/locales/en/consoleFigures.json' with { type: 'json' };
import consoleExports from '../../../resources/locales/en/consoleExports.json' with { type: 'json' };
import common from '../../../resources/locales/en/common.json' with { type: 'json' };
import sync from '../../../resources/locales/en/sync.json' with { type: 'json' };
import figures from '../../../resources/locales/en/figures.json' with { type: 'json' };
import records from '../../../resources/locales/en/records.json' with { type: 'json' };
import type { ConsoleTexts } from './namespaces';

/** The console's texts in English, loaded as a chunk of their own only when this language is on screen. */
export const consoleTexts: ConsoleTexts = { console: consoleShell, consoleErrors, consoleAccounts, consoleAudit, consoleStations, consoleIngest, consoleReview, consoleFigures, consoleExports, common, sync, figures, records };
