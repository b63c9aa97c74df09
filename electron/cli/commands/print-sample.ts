import { parseArgs } from 'node:util';
import { isLanguage, type Language } from '../../../shared/i18n/languages';
import { UsageError, type CliCommand } from '../command';
import { fontsPresent, isSampleKind, printSample, sampleKinds, SOURCE_FONTS_DIR } from '../print-sample';

/** `--lang zh|en` (the locale names are taken too); the CLI's own language when not given. */
function documentLanguage(raw: string | undefined, fallback: Language): Language | null {
  if (raw === undefined) return fallback;
  if (raw === 'zh') return 'zh-CN';
  return isLanguage(raw) ? raw : null;
}

/** `print-sample KIND --out FILE`: one sample document into a file; one JSON line naming it, its size and any character no font could draw. */
export const printSampleCommand: CliCommand = {
  name: 'print-sample',
  usage: 'cli:commandUsage.printSample',
  direct: 'draws a document with made-up data into a file; no station is opened',
  async run(args, { t, language: cliLanguage }) {
    const { values, positionals } = parseArgs({
      args,
      options: { lang: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [kind] = positionals;
    if (!isSampleKind(kind) || positionals.length !== 1) {
      throw new UsageError(t('cli:sampleNeedsKind', { kinds: sampleKinds.join(', ') }));
    }
    const language = documentLanguage(values.lang, cliLanguage);
    if (language === null) throw new UsageError(t('cli:sampleBadLang', { lang: values.lang }));
    if (values.out === undefined || values.out.trim() === '') throw new UsageError(t('cli:sampleNeedsOut'));
    if (!fontsPresent(SOURCE_FONTS_DIR)) {
      process.stderr.write(t('cli:fontsMissing', { dir: SOURCE_FONTS_DIR }) + '\n');
      return 1;
    }
    process.stdout.write(JSON.stringify(await printSample(kind, language, values.out, SOURCE_FONTS_DIR)) + '\n');
    return 0;
  },
};
