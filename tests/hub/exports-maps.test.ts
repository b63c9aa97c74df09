import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISPLAY_CONSENT_NOT_COLLECTED, SOCIAL_CARD_MAP } from '../../hub/exports/maps/social-card';
import { exportPlatforms } from '../../hub/exports/maps/column-map';
import { PLATFORM_MAPS } from '../../hub/exports/maps/index';

/** The column tables a platform's note writes down, per file (`### File \`name\``), cells as written. */
function documentedTables(platform: string): { version: string | null; files: Map<string, string[][]> } {
  const text = readFileSync(join(__dirname, '../../docs/platforms', `${platform}.md`), 'utf8');
  const version = /^Map version: `([^`]+)`/m.exec(text)?.[1] ?? null;
  const files = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const line of text.split('\n')) {
    const heading = /^### File `([^`]+)`/.exec(line);
    if (heading) {
      current = [];
      files.set(heading[1]!, current);
    } else if (current !== null && line.startsWith('|')) {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replaceAll('\\|', '|'));
      if (cells[0] !== 'column' && !/^-+$/.test(cells[0]!)) current.push(cells);
    } else if (current !== null && line.trim() !== '' && current.length > 0) current = null;
  }
  return { version, files };
}

describe('the platforms’ column maps and their written notes', () => {
  for (const platform of exportPlatforms) {
    it(`docs/platforms/${platform}.md writes down the map in code: its version and every column of every file`, () => {
      const map = PLATFORM_MAPS[platform];
      const documented = documentedTables(platform);
      expect(documented.version).toBe(map.version);
      expect([...documented.files.keys()]).toEqual(map.files.map((file) => file.file));
      for (const file of map.files) {
        expect(documented.files.get(file.file), file.file).toEqual(file.columns.map((column) => [column.column, column.source, column.codeList ?? '—', column.status]));
      }
    });
  }

  it('every file’s columns are unique and begin with the event type', () => {
    for (const map of Object.values(PLATFORM_MAPS)) {
      for (const file of map.files) {
        const headers = file.columns.map((column) => column.column);
        expect(new Set(headers).size, `${map.platform}/${file.file}`).toBe(headers.length);
        expect(headers[0]).toBe('事件类型');
      }
    }
  });

  it('the social-card feed carries the document, the flag, its status and dates and the display consent: no name, organ, contact or health column', () => {
    const columns = SOCIAL_CARD_MAP.files.flatMap((file) => file.columns);
    expect(columns.map((column) => column.column)).toEqual(['事件类型', '事件日期', '来源登记编号', '证件类型', '证件类型(本地)', '证件号码', '标识类型', '标识状态', '生效日期', '撤销日期', '亮证同意', '亮证同意日期']);
    for (const column of columns) expect(column.source, column.column).not.toMatch(/name|organ|phone|contact|blood|health|choice|sample|relative|executor/i);
    expect(DISPLAY_CONSENT_NOT_COLLECTED).toBe('未采集');
  });
});
