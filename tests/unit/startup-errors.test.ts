import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../electron/db/migrate';
import { describeStartupFailure } from '../../electron/app/startup-errors';
import { translations } from '../../shared/i18n/resources';

describe('describeStartupFailure', () => {
  it('explains a database from a newer version in every language, with the detail and folder', () => {
    const failure = describeStartupFailure(new DatabaseTooNewError(['0099_future']), '/data/relay');
    expect(failure.title).toBe('Relay Station');
    expect(failure.content).toContain(translations['zh-CN'].errors.database_too_new);
    expect(failure.content).toContain(translations.en.errors.database_too_new);
    expect(failure.content).toContain('0099_future');
    expect(failure.content).toContain('/data/relay');
  });

  it('falls back to the internal-error sentence for anything else', () => {
    const failure = describeStartupFailure(new Error('SQLITE_CANTOPEN'), '/data/relay');
    expect(failure.content).toContain(translations.en.errors.internal);
    expect(failure.content).toContain('SQLITE_CANTOPEN');
    expect(describeStartupFailure('plain string', '/d').content).toContain('plain string');
  });
});

describe('startupErrorCode', () => {
  it('tells a missing, foreign or unreadable data key apart', async () => {
    const { startupErrorCode } = await import('../../electron/app/startup-errors');
    const { DataKeyMissingError, DataKeyMismatchError } = await import('../../electron/services/kernel/data-protection');
    const { KeyFilePermissionError } = await import('../../electron/security/key-store');
    const { KeyFileInvalidError } = await import('../../electron/security/key-ring');
    expect(startupErrorCode(new DataKeyMissingError('/k'))).toBe('data_key_missing');
    expect(startupErrorCode(new DataKeyMismatchError('/k'))).toBe('data_key_mismatch');
    expect(startupErrorCode(new KeyFilePermissionError('/k', 0o644))).toBe('data_key_unreadable');
    expect(startupErrorCode(new KeyFileInvalidError('bad', '/k'))).toBe('data_key_unreadable');
    expect(describeStartupFailure(new DataKeyMissingError('/data/station.key'), '/data').content).toContain(translations['zh-CN'].errors.data_key_missing);
  });
});
