import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/contract/errors';
import { stationKinds } from '../../shared/domain/station';
import { visitPurposes } from '../../shared/domain/visitors';
import { languages } from '../../shared/i18n/languages';
import { namespaces, translations } from '../../shared/i18n/resources';
import { createTranslator } from '../../shared/i18n/translator';
import { validationReasons } from '../../shared/validation/reasons';
import { readProjectSources } from '../../scripts/layers';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a namespace, plural forms folded into their base key. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix.replace(PLURAL_SUFFIX, '')];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as object).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('locales', () => {
  it('have the same keys in Chinese and English, namespace by namespace', () => {
    for (const ns of namespaces) {
      const zh = [...new Set(leafKeys(translations['zh-CN'][ns]))].sort();
      const en = [...new Set(leafKeys(translations.en[ns]))].sort();
      expect({ ns, keys: en }).toEqual({ ns, keys: zh });
    }
  });

  it('have no empty text, and the same placeholders in both languages', () => {
    for (const ns of namespaces) {
      const en = new Map(leaves(translations.en[ns]).map(([key, text]) => [key.replace(PLURAL_SUFFIX, ''), text]));
      for (const [key, text] of leaves(translations['zh-CN'][ns])) {
        expect(text.trim(), `${ns}:${key}`).not.toBe('');
        const english = en.get(key.replace(PLURAL_SUFFIX, '')) ?? '';
        expect(placeholders(english), `${ns}:${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('translate every error code, validation reason and listed choice in both languages', async () => {
    for (const language of languages) {
      const t = await createTranslator(language);
      const keys = [
        ...errorCodes.map((code) => `errors:${code}`),
        ...validationReasons.map((reason) => `validation:${reason}`),
        ...stationKinds.map((kind) => `common:stationKind.${kind}`),
        ...visitPurposes.map((purpose) => `memorial:purpose.${purpose}`),
        ...languages.map((lng) => `common:language.${lng}`),
      ];
      for (const key of keys) {
        const text = t(key as never) as string;
        expect(text, `${language} ${key}`).not.toBe(key.split(':')[1]);
        expect(text.length, `${language} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('pluralise counts in English and keep one form in Chinese', async () => {
    const en = await createTranslator('en');
    const zh = await createTranslator('zh-CN');
    expect(en('memorial:log.total', { count: 1 })).toBe('1 visit recorded');
    expect(en('memorial:log.total', { count: 3 })).toBe('3 visits recorded');
    expect(zh('memorial:log.total', { count: 1 })).toBe('共 1 条来访记录');
  });

  it('are the only place UI text lives: no Chinese text written into renderer components', () => {
    const files = readProjectSources(['renderer']);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const withoutComments = file.source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(withoutComments, file.path).not.toMatch(/[\u3400-\u9fff]/u);
    }
  });
});
