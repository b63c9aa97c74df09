import { describe, expect, it } from 'vitest';
import { batchErrorCodes, outboxStates, recordRejectCodes, syncBatchStates, syncRecordKinds } from '../../shared/domain/sync';
import { languages } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { provinceKeyUses } from '../../shared/validation/sync';

describe('the sync screen’s words', () => {
  it('name every state, record kind, province code and key use in both languages', async () => {
    const keys = [
      ...syncBatchStates.map((state) => `sync:batchState.${state}`),
      ...outboxStates.map((state) => `sync:outboxState.${state}`),
      ...syncRecordKinds.map((kind) => `sync:kind.${kind}`),
      ...batchErrorCodes.map((code) => `sync:batchError.${code}`),
      ...recordRejectCodes.map((code) => `sync:recordCode.${code}`),
      ...provinceKeyUses.map((use) => `sync:keys.useName.${use}`),
      'sync:unreachable',
      'sync:batchState.partiallyRejected',
    ];
    for (const language of languages) {
      const t = await createTranslator(language);
      for (const key of keys) {
        const text = t(key as never) as string;
        expect(text, `${language} ${key}`).not.toBe(key.split(':')[1]);
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('count exported files and batches awaiting approval in the language’s own way', async () => {
    const en = await createTranslator('en');
    const zh = await createTranslator('zh-CN');
    expect(en('sync:export.written', { count: 1 })).toBe('1 file written:');
    expect(en('sync:export.written', { count: 2 })).toBe('2 files written:');
    expect(zh('sync:export.pendingApproval', { count: 1 })).toBe('另有 1 个批次待复核，批准后才能导出。');
  });
});
