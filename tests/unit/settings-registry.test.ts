import { describe, expect, it } from 'vitest';
import { RECOVERY_KEY_SETTING } from '../../electron/services/backup/recovery';
import { LAST_PURGE_SETTING } from '../../electron/services/memorial/visitor-retention';
import { BACKUP_LAST_RUN_SETTING, BATCH_FLOOR_UNCONFIRMED_SETTING, BATCH_SEQ_FLOOR_SETTING } from '../../shared/domain/backup';
import { parseSection, sectionDefaults, sectionItems, settingsRegistry, type SettingsSectionName } from '../../shared/domain/settings-registry';

const sections = Object.keys(settingsRegistry) as SettingsSectionName[];
const allItems = sections.flatMap((section) => sectionItems(section).map(([name, item]) => ({ section, name, item })));

describe('the settings registry', () => {
  it('stores every item under its own key, apart from the rows the station keeps for itself', () => {
    const keys = allItems.map(({ item }) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    const stateRows = [BACKUP_LAST_RUN_SETTING, BATCH_SEQ_FLOOR_SETTING, BATCH_FLOOR_UNCONFIRMED_SETTING, RECOVERY_KEY_SETTING, LAST_PURGE_SETTING];
    expect(keys.filter((key) => stateRows.includes(key))).toEqual([]);
  });

  it('keeps the keys existing stations hold', () => {
    expect(Object.fromEntries(sections.map((section) => [section, sectionItems(section).map(([name, item]) => `${name}=${item.key}`)]))).toEqual({
      registration: [
        'stemCellMinAge=stemCellMinAge',
        'stemCellMaxAge=stemCellMaxAge',
        'coolingOffDays=coolingOffDays',
        'kioskIdleSeconds=kioskIdleSeconds',
        'bodyChangeNeedsNotarisation=bodyChangeNeedsNotarisation',
      ],
      staff: ['idleLockMinutes=staffIdleLockMinutes'],
      printing: ['receiptPrinter=receiptPrinter', 'receiptPaper=receiptPaper'],
      kiosk: ['elderModeDefault=kiosk.elderModeDefault'],
      sync: ['endpoint=syncEndpoint', 'batchSize=syncBatchSize', 'twoPersonApproval=syncTwoPersonApproval'],
      backup: ['folder=backupFolder', 'keep=backupKeep', 'intervalHours=backupIntervalHours'],
      memorial: ['qingmingMode=memorial.qingmingMode', 'visitorRetentionDays=memorial.visitorRetentionDays'],
      figures: ['localPopulation=figures.localPopulation', 'reachTargetPercent=figures.reachTargetPercent'],
      idCardReader: ['kind=idCard.readerKind', 'libraryPath=idCard.libraryPath', 'port=idCard.port', 'simulatorAddress=idCard.simulatorAddress'],
      aid: ['minNoticeDays=aid.minNoticeDays'],
      familyCare: ['followUpOffsetsDays=familyCare.followUpOffsetsDays', 'qingmingLeadDays=familyCare.qingmingLeadDays'],
    });
  });

  it('reads a missing row as the default, and every default round-trips through its stored text', () => {
    for (const { section, name, item } of allItems) {
      expect(item.parse(undefined), `${section}.${name}`).toEqual(item.defaultValue);
      expect(item.parse(item.serialise(item.defaultValue)), `${section}.${name}`).toEqual(item.defaultValue);
      expect(item.accepts(item.defaultValue), `${section}.${name}`).toBe(true);
    }
  });

  it('reads a stored number out of bounds, a fraction, blank or damaged text as the default', () => {
    for (const { section, name, item } of allItems.filter(({ item }) => item.bounds !== undefined)) {
      const { min, max } = item.bounds!;
      for (const stored of [String(min - 1), String(max + 1), '', '  ', 'twelve']) {
        expect(item.parse(stored), `${section}.${name} stored as ${JSON.stringify(stored)}`).toEqual(item.defaultValue);
      }
      expect(item.parse(String(max)), `${section}.${name}`).toBe(max);
      expect(item.accepts(max + 1), `${section}.${name}`).toBe(false);
    }
    expect(parseSection('staff', new Map([['staffIdleLockMinutes', '2.5']]))).toEqual({ idleLockMinutes: 5 });
    expect(parseSection('figures', new Map([['figures.reachTargetPercent', '2.5']]))).toEqual({ localPopulation: null, reachTargetPercent: 2.5 });
  });

  it('reads the texts stations already hold as before', () => {
    expect(parseSection('printing', new Map([['receiptPrinter', '  EPSON TM-T82III '], ['receiptPaper', 'letter']]))).toEqual({ receiptPrinter: 'EPSON TM-T82III', receiptPaper: 'a4' });
    expect(parseSection('sync', new Map([['syncEndpoint', ' '], ['syncBatchSize', '200'], ['syncTwoPersonApproval', 'yes']]))).toEqual({
      endpoint: null,
      batchSize: 200,
      twoPersonApproval: false,
    });
    expect(parseSection('memorial', new Map([['memorial.qingmingMode', 'true']]))).toEqual({ qingmingMode: true, visitorRetentionDays: 365 });
  });

  it('reads an age range whose oldest age is below its youngest as the default range', () => {
    const stored = new Map([
      ['stemCellMinAge', '40'],
      ['stemCellMaxAge', '30'],
      ['coolingOffDays', '14'],
    ]);
    expect(parseSection('registration', stored)).toEqual({ ...sectionDefaults('registration'), coolingOffDays: 14 });
  });
});
