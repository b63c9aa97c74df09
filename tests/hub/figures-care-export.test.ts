import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { HubStore } from '../../hub/db/open';
import { ingestBatchFile } from '../../hub/ingest/ingest-batch';
import { loadOrCreateProvinceKeys, type ProvinceKeys } from '../../hub/keys/province-keys';
import { figuresFile } from '../../hub/reports/figures-export';
import { FIGURES_HEADINGS } from '../../hub/reports/figures-headings';
import { provinceFiguresTables } from '../../hub/reports/figures-tables';
import type { ConsoleFileView } from '../../shared/console/figures-calls';
import { makeTempDir } from '../fixtures/temp-station';
import { PROVINCE } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';
import { aidLine, careYearLine, daliSender, familyLine, registerCareStationKeys } from './support/care-lines';
import { consoleFixture, type ConsoleFixture } from './support/console';
import { craftedBatch } from './support/crafted-batches';
import { seedFiguresProvince } from './support/figures-province';

const YEAR_2026 = { from: '2026-01-01', to: '2026-12-31' };
/** A period across two years: its care is that of 2027, the year it ends in. */
const JULY_TO_MARCH = { from: '2026-07-01', to: '2027-03-31' };

/** A CSV without its byte order mark, as rows of fields (the tables here hold no comma or quote). */
function csvRows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').map((row) => row.split(','));
}

/** The rows of the CSV's table under `title`, headers first, up to the empty line that ends it. */
function csvTable(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  expect(start, `no table ${title}`).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((row, index) => index > start && row.length === 1 && row[0] === '');
  return rows.slice(start + 1, end);
}

describeOnBothEngines('figures download: the care tables of the year the period ends in, below the figures tables', (open) => {
  let folder: ReturnType<typeof makeTempDir>;
  let keys: ProvinceKeys;
  let hub: HubStore;
  let fixture: ConsoleFixture;

  async function take(file: Buffer): Promise<void> {
    const result = await ingestBatchFile(file, { hub, provinceCode: PROVINCE, keys });
    expect(result.outcome, JSON.stringify(result)).toBe('applied');
  }

  beforeEach(async () => {
    folder = makeTempDir('relay-hub-care-export-');
    keys = loadOrCreateProvinceKeys(folder.dir).keys;
    hub = await open();
    // The figures province (Kunming and Dali), whose stations also send their care through the real ingest path.
    await seedFiguresProvince(hub);
    await registerCareStationKeys(hub.db);
    // Kunming: family 1 contacted three times in 2026 and at the ceremony, five calls in 2027; family 2 asked not
    // to be contacted. Condolence money paid (2 000 yuan), hardship aid on public notice.
    await take(
      craftedBatch(1, [
        familyLine(1, 1, 1, { openedAt: '2026-03-01T02:00:00.000Z' }),
        familyLine(2, 2, 2, { openedAt: '2026-05-01T02:00:00.000Z', doNotContact: true }),
        careYearLine(3, 11, 1, 2026, 1, { contacts: { phone_call: 2, home_visit: 1 }, invitations: 1, accepted: 1, attended: 1 }),
        careYearLine(4, 12, 2, 2026, 1, {}),
        careYearLine(5, 13, 1, 2027, 1, { contacts: { phone_call: 5 } }),
        aidLine(6, 21, 1, 6, { programme: 'condolence', state: 'paid', appliedAt: '2026-03-10T02:00:00.000Z', grantedFen: 200_000, paidOn: '2026-04-01' }),
        aidLine(7, 22, 1, 5, { programme: 'hardship', state: 'on_notice', appliedAt: '2026-06-01T02:00:00.000Z', grantedFen: 500_000 }),
      ]).file,
    );
    // Dali: family 5 visited once at a festival, invited twice, accepted once; condolence money of 1 500.50 yuan.
    await take(
      craftedBatch(
        1,
        [
          familyLine(1, 5, 1, { openedAt: '2026-02-01T02:00:00.000Z' }),
          careYearLine(2, 14, 5, 2026, 1, { contacts: { festival_visit: 1 }, invitations: 2, accepted: 1 }),
          aidLine(3, 24, 5, 6, { programme: 'condolence', state: 'paid', appliedAt: '2026-02-10T02:00:00.000Z', grantedFen: 150_050, paidOn: '2026-02-20' }),
        ],
        daliSender,
      ).file,
    );
    fixture = await consoleFixture(hub, {}, new Date('2027-04-15T02:00:00.000Z'));
  });
  afterEach(() => folder.remove());

  async function download(input: { from: string; to: string; format: 'csv' | 'xlsx'; language: 'zh-CN' | 'en' }): Promise<Buffer> {
    const { result } = await fixture.call('figures:table', input, await fixture.sessionOf('analyst'));
    if (!result.ok) throw new Error(`figures:table refused: ${result.error.code}`);
    return Buffer.from((result.data as ConsoleFileView).base64, 'base64');
  }

  it('writes the year’s care in Chinese after the figures tables, which stay as they were: totals, prefectures, stations, aid in yuan', async () => {
    const text = (await download({ ...YEAR_2026, format: 'csv', language: 'zh-CN' })).toString('utf8');
    // The figures tables come first, byte for byte as the file held them before the care tables followed.
    const figuresAlone = (await figuresFile(await provinceFiguresTables(hub, PROVINCE, YEAR_2026), FIGURES_HEADINGS['zh-CN'], 'csv')).toString('utf8');
    expect(text.startsWith(`${figuresAlone.slice(0, -2)}\r\n\r\n`)).toBe(true);

    const rows = csvRows(text);
    expect(csvTable(rows, '家庭关怀总览（2026年）')).toEqual([
      ['指标', '数值'],
      ['关怀统计年度', '2026'],
      ['在册家庭', '3'],
      ['已关怀家庭（本年至少联系一次）', '2'],
      ['联系次数', '4'],
      ['每户平均联系次数', '2.00'],
      ['缅怀活动邀请', '3'],
      ['接受邀请', '2'],
      ['到场参加', '1'],
      ['要求不再联系的家庭', '1'],
    ]);
    const tallyHeadings = ['在册家庭', '已关怀家庭（本年至少联系一次）', '联系次数', '每户平均联系次数', '缅怀活动邀请', '接受邀请', '到场参加', '要求不再联系的家庭'];
    expect(csvTable(rows, '各州市家庭关怀（2026年）')).toEqual([
      ['州市代码', '州市', ...tallyHeadings],
      ['5301', '昆明市', '2', '1', '3', '3.00', '1', '1', '1', '1'],
      ['5329', '大理白族自治州', '1', '1', '1', '1.00', '2', '1', '0', '0'],
    ]);
    expect(csvTable(rows, '各站点家庭关怀（2026年）')).toEqual([
      ['站点代码', ...tallyHeadings],
      ['DLM01', '1', '1', '1', '1.00', '2', '1', '0', '0'],
      ['KMU01', '2', '1', '3', '3.00', '1', '1', '1', '1'],
    ]);
    expect(csvTable(rows, '人道救助（2026年）')).toEqual([
      ['救助项目', '已申请', '已审核', '已拟方案', '已批准', '公示中', '已发放', '未予救助', '本年发放笔数', '本年发放金额（元）'],
      ['慰问金', '0', '0', '0', '0', '0', '2', '0', '2', '3500.50'],
      ['困难救助', '0', '0', '0', '0', '1', '0', '0', '0', '0.00'],
      ['助学金', '0', '0', '0', '0', '0', '0', '0', '0', '0.00'],
      ['丧葬补助', '0', '0', '0', '0', '0', '0', '0', '0', '0.00'],
      ['博爱送万家', '0', '0', '0', '0', '0', '0', '0', '0', '0.00'],
    ]);
  });

  it('writes the care sheets in English after the figures sheets of the workbook, counts as numbers and yuan to two decimals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download({ ...YEAR_2026, format: 'xlsx', language: 'en' })) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Prefectures',
      'Stations',
      'Programs',
      'Months',
      'Stem-cell pipeline',
      'Family care 2026',
      'Care by prefecture 2026',
      'Care by station 2026',
      'Aid by programme 2026',
    ]);
    const values = (sheet: string, row: number) => (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);

    expect(values('Family care 2026', 1)).toEqual(['Indicator', 'Value']);
    expect(values('Family care 2026', 2)).toEqual(['Year counted', 2026]);
    expect(values('Family care 2026', 4)).toEqual(['Families cared for (contacted at least once in the year)', 2]);
    expect(values('Family care 2026', 6)).toEqual(['Contacts per family cared for', 2]);
    expect(workbook.getWorksheet('Family care 2026')!.getRow(6).getCell(2).numFmt).toBe('0.00');
    expect(values('Care by prefecture 2026', 1).slice(0, 4)).toEqual(['Prefecture code', 'Prefecture', 'Families on file', 'Families cared for (contacted at least once in the year)']);
    expect(values('Care by prefecture 2026', 2)).toEqual(['5301', 'Kunming', 2, 1, 3, 3, 1, 1, 1, 1]);
    expect(values('Care by station 2026', 2)).toEqual(['DLM01', 1, 1, 1, 1, 2, 1, 0, 0]);

    const aid = workbook.getWorksheet('Aid by programme 2026')!;
    expect(values('Aid by programme 2026', 1)).toEqual(['Programme', 'Applied', 'Reviewed', 'Proposed', 'Granted', 'On public notice', 'Paid', 'Rejected', 'Payments in the year', 'Paid in the year (yuan)']);
    expect(values('Aid by programme 2026', 2)).toEqual(['Condolence money', 0, 0, 0, 0, 0, 2, 0, 2, 3500.5]);
    expect(aid.getRow(2).getCell(10).numFmt).toBe('0.00');
    expect(values('Aid by programme 2026', 3)).toEqual(['Hardship aid', 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(aid.rowCount).toBe(6);
  });

  it('gives a period across two years the care of the year it ends in, named in every care title, and refuses a day that does not exist', async () => {
    const rows = csvRows((await download({ ...JULY_TO_MARCH, format: 'csv', language: 'en' })).toString('utf8'));
    expect(rows).toContainEqual(['Period', '2026-07-01 to 2027-03-31', '', '']);
    expect(csvTable(rows, 'Family care 2027').slice(1, 6)).toEqual([
      ['Year counted', '2027'],
      ['Families on file', '3'],
      ['Families cared for (contacted at least once in the year)', '1'],
      ['Contacts', '5'],
      ['Contacts per family cared for', '5.00'],
    ]);
    expect(csvTable(rows, 'Care by station 2027')).toContainEqual(['KMU01', '2', '1', '5', '5.00', '0', '0', '0', '1']);
    expect(csvTable(rows, 'Aid by programme 2027')[1]).toEqual(['Condolence money', '0', '0', '0', '0', '0', '0', '0', '0', '0.00']);
    expect(rows.some((row) => row[0]?.endsWith('2026') && row.length === 1)).toBe(false);

    const { result } = await fixture.call('figures:table', { from: '2026-02-30', to: '2026-03-01', format: 'csv', language: 'en' }, await fixture.sessionOf('analyst'));
    expect(result).toEqual({ ok: false, error: { code: 'period_invalid' } });
  });
});
