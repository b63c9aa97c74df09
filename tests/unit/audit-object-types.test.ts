import { describe, expect, it } from 'vitest';
import { auditActions, auditObjectTypes } from '../../shared/domain/audit';
import { languages } from '../../shared/i18n/languages';
import { translations } from '../../shared/i18n/resources';

describe('audit trail words', () => {
  it('name every object type the trail can record, in every language', () => {
    for (const language of languages) {
      const labels = translations[language].audit.objectTypes as Record<string, string>;
      const missing = auditObjectTypes.filter((type) => typeof labels[type] !== 'string' || labels[type].trim() === '');
      expect(missing, language).toEqual([]);
    }
  });

  it('name every action the trail can record, in every language', () => {
    for (const language of languages) {
      const labels = translations[language].audit.actions as Record<string, string>;
      expect(auditActions.filter((action) => typeof labels[action] !== 'string'), language).toEqual([]);
    }
  });
});
