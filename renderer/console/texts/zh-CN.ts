import consoleShell from '../../../resources/locales/zh-CN/console.json' with { type: 'json' };
import consoleErrors from '../../../resources/locales/zh-CN/consoleErrors.json' with { type: 'json' };
import consoleAccounts from '../../../resources/locales/zh-CN/consoleAccounts.json' with { type: 'json' };
import consoleAudit from '../../../resources/locales/zh-CN/consoleAudit.json' with { type: 'json' };
import consoleStations from '../../../resources/locales/zh-CN/consoleStations.json' with { type: 'json' };
import consoleIngest from '../../../resources/locales/zh-CN/consoleIngest.json' with { type: 'json' };
import consoleReview from '../../../resources/locales/zh-CN/consoleReview.json' with { type: 'json' };
import consoleFigures from '../../../resources/locales/zh-CN/consoleFigures.json' with { type: 'json' };
import consoleExports from '../../../resources/locales/zh-CN/consoleExports.json' with { type: 'json' };
import common from '../../../resources/locales/zh-CN/common.json' with { type: 'json' };
import sync from '../../../resources/locales/zh-CN/sync.json' with { type: 'json' };
import figures from '../../../resources/locales/zh-CN/figures.json' with { type: 'json' };
import records from '../../../resources/locales/zh-CN/records.json' with { type: 'json' };
import type { ConsoleTexts } from './namespaces';

/** The console's texts in Simplified Chinese (the language it opens in), loaded as a chunk of their own only when this language is on screen. */
export const consoleTexts: ConsoleTexts = { console: consoleShell, consoleErrors, consoleAccounts, consoleAudit, consoleStations, consoleIngest, consoleReview, consoleFigures, consoleExports, common, sync, figures, records };
