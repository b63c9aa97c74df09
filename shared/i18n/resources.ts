import enAid from '../../resources/locales/en/aid.json' with { type: 'json' };
import enAudit from '../../resources/locales/en/audit.json' with { type: 'json' };
import enConsole from '../../resources/locales/en/console.json' with { type: 'json' };
import enConsoleErrors from '../../resources/locales/en/consoleErrors.json' with { type: 'json' };
import enConsoleAccounts from '../../resources/locales/en/consoleAccounts.json' with { type: 'json' };
import enConsoleAudit from '../../resources/locales/en/consoleAudit.json' with { type: 'json' };
import enConsoleStations from '../../resources/locales/en/consoleStations.json' with { type: 'json' };
import enConsoleIngest from '../../resources/locales/en/consoleIngest.json' with { type: 'json' };
import enConsoleReview from '../../resources/locales/en/consoleReview.json' with { type: 'json' };
import enConsoleFigures from '../../resources/locales/en/consoleFigures.json' with { type: 'json' };
import enConsoleExports from '../../resources/locales/en/consoleExports.json' with { type: 'json' };
import enBackup from '../../resources/locales/en/backup.json' with { type: 'json' };
import enCli from '../../resources/locales/en/cli.json' with { type: 'json' };
import enCommon from '../../resources/locales/en/common.json' with { type: 'json' };
import enDocuments from '../../resources/locales/en/documents.json' with { type: 'json' };
import enDocumentDesk from '../../resources/locales/en/documentDesk.json' with { type: 'json' };
import enErrors from '../../resources/locales/en/errors.json' with { type: 'json' };
import enFigures from '../../resources/locales/en/figures.json' with { type: 'json' };
import enDashboard from '../../resources/locales/en/dashboard.json' with { type: 'json' };
import enMemorial from '../../resources/locales/en/memorial.json' with { type: 'json' };
import enNameList from '../../resources/locales/en/nameList.json' with { type: 'json' };
import enNameListDesk from '../../resources/locales/en/nameListDesk.json' with { type: 'json' };
import enAidDesk from '../../resources/locales/en/aidDesk.json' with { type: 'json' };
import enSetup from '../../resources/locales/en/setup.json' with { type: 'json' };
import enStaff from '../../resources/locales/en/staff.json' with { type: 'json' };
import enValidation from '../../resources/locales/en/validation.json' with { type: 'json' };
import enRecords from '../../resources/locales/en/records.json' with { type: 'json' };
import enKiosk from '../../resources/locales/en/kiosk.json' with { type: 'json' };
import enRegistration from '../../resources/locales/en/registration.json' with { type: 'json' };
import enSessions from '../../resources/locales/en/sessions.json' with { type: 'json' };
import enSessionKiosk from '../../resources/locales/en/sessionKiosk.json' with { type: 'json' };
import enSync from '../../resources/locales/en/sync.json' with { type: 'json' };
import enSettings from '../../resources/locales/en/settings.json' with { type: 'json' };
import enElder from '../../resources/locales/en/elder.json' with { type: 'json' };
import enKeypad from '../../resources/locales/en/keypad.json' with { type: 'json' };
import enIdCard from '../../resources/locales/en/idCard.json' with { type: 'json' };
import enFamilyDesk from '../../resources/locales/en/familyDesk.json' with { type: 'json' };
import enFamily from '../../resources/locales/en/family.json' with { type: 'json' };
import zhAid from '../../resources/locales/zh-CN/aid.json' with { type: 'json' };
import zhAudit from '../../resources/locales/zh-CN/audit.json' with { type: 'json' };
import zhConsole from '../../resources/locales/zh-CN/console.json' with { type: 'json' };
import zhConsoleErrors from '../../resources/locales/zh-CN/consoleErrors.json' with { type: 'json' };
import zhConsoleAccounts from '../../resources/locales/zh-CN/consoleAccounts.json' with { type: 'json' };
import zhConsoleAudit from '../../resources/locales/zh-CN/consoleAudit.json' with { type: 'json' };
import zhConsoleStations from '../../resources/locales/zh-CN/consoleStations.json' with { type: 'json' };
import zhConsoleIngest from '../../resources/locales/zh-CN/consoleIngest.json' with { type: 'json' };
import zhConsoleReview from '../../resources/locales/zh-CN/consoleReview.json' with { type: 'json' };
import zhConsoleFigures from '../../resources/locales/zh-CN/consoleFigures.json' with { type: 'json' };
import zhConsoleExports from '../../resources/locales/zh-CN/consoleExports.json' with { type: 'json' };
import zhBackup from '../../resources/locales/zh-CN/backup.json' with { type: 'json' };
import zhCli from '../../resources/locales/zh-CN/cli.json' with { type: 'json' };
import zhCommon from '../../resources/locales/zh-CN/common.json' with { type: 'json' };
import zhDocuments from '../../resources/locales/zh-CN/documents.json' with { type: 'json' };
import zhDocumentDesk from '../../resources/locales/zh-CN/documentDesk.json' with { type: 'json' };
import zhErrors from '../../resources/locales/zh-CN/errors.json' with { type: 'json' };
import zhFigures from '../../resources/locales/zh-CN/figures.json' with { type: 'json' };
import zhDashboard from '../../resources/locales/zh-CN/dashboard.json' with { type: 'json' };
import zhMemorial from '../../resources/locales/zh-CN/memorial.json' with { type: 'json' };
import zhNameList from '../../resources/locales/zh-CN/nameList.json' with { type: 'json' };
import zhNameListDesk from '../../resources/locales/zh-CN/nameListDesk.json' with { type: 'json' };
import zhAidDesk from '../../resources/locales/zh-CN/aidDesk.json' with { type: 'json' };
import zhSetup from '../../resources/locales/zh-CN/setup.json' with { type: 'json' };
import zhStaff from '../../resources/locales/zh-CN/staff.json' with { type: 'json' };
import zhValidation from '../../resources/locales/zh-CN/validation.json' with { type: 'json' };
import zhRecords from '../../resources/locales/zh-CN/records.json' with { type: 'json' };
import zhKiosk from '../../resources/locales/zh-CN/kiosk.json' with { type: 'json' };
import zhRegistration from '../../resources/locales/zh-CN/registration.json' with { type: 'json' };
import zhSessions from '../../resources/locales/zh-CN/sessions.json' with { type: 'json' };
import zhSessionKiosk from '../../resources/locales/zh-CN/sessionKiosk.json' with { type: 'json' };
import zhSync from '../../resources/locales/zh-CN/sync.json' with { type: 'json' };
import zhSettings from '../../resources/locales/zh-CN/settings.json' with { type: 'json' };
import zhElder from '../../resources/locales/zh-CN/elder.json' with { type: 'json' };
import zhKeypad from '../../resources/locales/zh-CN/keypad.json' with { type: 'json' };
import zhIdCard from '../../resources/locales/zh-CN/idCard.json' with { type: 'json' };
import zhFamilyDesk from '../../resources/locales/zh-CN/familyDesk.json' with { type: 'json' };
import zhFamily from '../../resources/locales/zh-CN/family.json' with { type: 'json' };
import type { Language } from './languages';

/** Every translated text of the product, by language and namespace (one JSON file each). */
export const translations = {
  'zh-CN': {
    common: zhCommon,
    setup: zhSetup,
    memorial: zhMemorial,
    staff: zhStaff,
    audit: zhAudit,
    errors: zhErrors,
    validation: zhValidation,
    cli: zhCli,
    registration: zhRegistration,
    sessions: zhSessions,
    sessionKiosk: zhSessionKiosk,
    kiosk: zhKiosk,
    records: zhRecords,
    documents: zhDocuments,
    documentDesk: zhDocumentDesk,
    nameList: zhNameList,
    nameListDesk: zhNameListDesk,
    aidDesk: zhAidDesk,
    figures: zhFigures,
    dashboard: zhDashboard,
    sync: zhSync,
    backup: zhBackup,
    settings: zhSettings,
    elder: zhElder,
    keypad: zhKeypad,
    idCard: zhIdCard,
    familyDesk: zhFamilyDesk,
    family: zhFamily,
    console: zhConsole,
    consoleErrors: zhConsoleErrors,
    consoleAccounts: zhConsoleAccounts,
    consoleAudit: zhConsoleAudit,
    consoleStations: zhConsoleStations,
    consoleIngest: zhConsoleIngest,
    consoleReview: zhConsoleReview,
    consoleFigures: zhConsoleFigures,
    consoleExports: zhConsoleExports,
    aid: zhAid,
  },
  en: {
    common: enCommon,
    setup: enSetup,
    memorial: enMemorial,
    staff: enStaff,
    audit: enAudit,
    errors: enErrors,
    validation: enValidation,
    cli: enCli,
    registration: enRegistration,
    sessions: enSessions,
    sessionKiosk: enSessionKiosk,
    kiosk: enKiosk,
    records: enRecords,
    documents: enDocuments,
    documentDesk: enDocumentDesk,
    nameList: enNameList,
    nameListDesk: enNameListDesk,
    aidDesk: enAidDesk,
    figures: enFigures,
    dashboard: enDashboard,
    sync: enSync,
    backup: enBackup,
    settings: enSettings,
    elder: enElder,
    keypad: enKeypad,
    idCard: enIdCard,
    familyDesk: enFamilyDesk,
    family: enFamily,
    console: enConsole,
    consoleErrors: enConsoleErrors,
    consoleAccounts: enConsoleAccounts,
    consoleAudit: enConsoleAudit,
    consoleStations: enConsoleStations,
    consoleIngest: enConsoleIngest,
    consoleReview: enConsoleReview,
    consoleFigures: enConsoleFigures,
    consoleExports: enConsoleExports,
    aid: enAid,
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof translations)['zh-CN'];
export const namespaces = Object.keys(translations['zh-CN']) as Namespace[];
