import { describe, expect, it } from 'vitest';
import { foldForNameSearch } from '../../shared/domain/memorial-names';
import { keyRange, nameSearchKeys, pinyinInitials, pinyinSpellings } from '../../electron/services/name-list/memorial-name-keys';

/** Whether a folded search finds a name the way the database does: some key starts with it. */
function finds(name: string, query: string): boolean {
  const { from, to } = keyRange(foldForNameSearch(query));
  return nameSearchKeys(name).keys.some((key) => key >= from && key < to);
}

describe('pinyin initials of a name', () => {
  it('are the first letter of each syllable', () => {
    expect(pinyinInitials('张晓明')).toEqual(['zxm']);
    expect(pinyinSpellings('张晓明')).toEqual(['zhangxiaoming']);
    expect(pinyinInitials('欧阳修')).toEqual(['oyx']);
  });

  it('read a polyphonic surname as a surname first, and keep the everyday reading as a variant', () => {
    const cases: Array<[name: string, surname: string, everyday: string]> = [
      ['单雄信', 'shan', 'dan'],
      ['曾国藩', 'zeng', 'ceng'],
      ['解缙', 'xie', 'jie'],
      ['仇英', 'qiu', 'chou'],
      ['区寄', 'ou', 'qu'],
      ['查良镛', 'zha', 'cha'],
    ];
    for (const [name, surname, everyday] of cases) {
      const initials = pinyinInitials(name);
      const spellings = pinyinSpellings(name);
      expect(initials[0]?.[0], name).toBe(surname[0]);
      expect(spellings[0]?.startsWith(surname), name).toBe(true);
      expect(initials.some((variant) => variant.startsWith(everyday[0]!)), name).toBe(true);
      expect(spellings.some((variant) => variant.startsWith(everyday)), name).toBe(true);
    }
    expect(pinyinInitials('单雄信').slice(0, 2)).toEqual(['sxx', 'dxx']);
    expect(pinyinInitials('曾国藩')).toEqual(['zgf', 'cgf']);
    expect(pinyinInitials('解缙')).toEqual(['xj', 'jj']);
  });

  it('read a compound surname as one (长孙 zhangsun, not changsun, first)', () => {
    expect(pinyinSpellings('长孙无忌')[0]).toBe('zhangsunwuji');
    expect(pinyinInitials('长孙无忌')[0]).toBe('zswj');
  });

  it('keep a bounded number of variants however ambiguous the name', () => {
    const name = '单乐乐乐乐乐';
    expect(pinyinInitials(name).length).toBeLessThanOrEqual(8);
    expect(pinyinSpellings(name).length).toBeLessThanOrEqual(16);
    expect(pinyinInitials(name)).toContain('syyyyy');
  });

  it('write ü both as v and as u', () => {
    expect(pinyinSpellings('吕方')).toEqual(expect.arrayContaining(['lvfang', 'lufang']));
    expect(pinyinSpellings('吕方').some((spelling) => spelling.includes('ü'))).toBe(false);
  });

  it('treat each word of a Latin-script name as one syllable, and skip characters pinyin does not know', () => {
    expect(pinyinInitials('John Smith')).toEqual(['js']);
    expect(pinyinSpellings('John Smith')).toEqual(['johnsmith']);
    expect(pinyinInitials('阿依古丽·买买提')[0]).toBe('ayglmmt');
    expect(pinyinInitials('李𪚥祥')).toEqual(['lx']);
    // 𠮷, a form of 吉 names are written with, is read as 吉.
    expect(pinyinInitials('李𠮷祥')).toEqual(['ljx']);
  });
});

describe('search keys of a name', () => {
  it('find it by any run of its characters, the start of its pinyin and of its initials', () => {
    expect(finds('张晓明', '张晓明')).toBe(true);
    expect(finds('张晓明', '晓明')).toBe(true);
    expect(finds('张晓明', '晓')).toBe(true);
    expect(finds('张晓明', 'zxm')).toBe(true);
    expect(finds('张晓明', 'ZX')).toBe(true);
    expect(finds('张晓明', 'ｚｘｍ')).toBe(true);
    expect(finds('张晓明', 'zhangxiao')).toBe(true);
    expect(finds('张晓明', 'zhang xiao ming')).toBe(true);
    expect(finds('张晓明', '张明')).toBe(false);
    expect(finds('张晓明', 'xm')).toBe(false);
    expect(finds('张晓明', 'zxmm')).toBe(false);
  });

  it('find a polyphonic surname by both readings', () => {
    expect(finds('单雄信', 'sxx')).toBe(true);
    expect(finds('单雄信', 'dxx')).toBe(true);
    expect(finds('单雄信', 'shanxiong')).toBe(true);
    expect(finds('单雄信', 'danxiong')).toBe(true);
    expect(finds('曾国藩', 'zgf')).toBe(true);
    expect(finds('曾国藩', 'cgf')).toBe(true);
    expect(finds('解缙', 'xiejin')).toBe(true);
    expect(finds('解缙', 'jj')).toBe(true);
  });

  it('ignore the dot and spaces between the parts of a name', () => {
    expect(finds('阿依古丽·买买提', '古丽买买')).toBe(true);
    expect(finds('阿依古丽·买买提', '古丽・买买')).toBe(true);
    expect(finds('John Smith', 'smith')).toBe(true);
    expect(finds('John Smith', 'johns')).toBe(true);
  });

  it('sort by pinyin, syllable by syllable', () => {
    const names = ['林一', '李明', '张三', '阿英'];
    const sorted = [...names].sort((a, b) => (nameSearchKeys(a).sortKey < nameSearchKeys(b).sortKey ? -1 : 1));
    expect(sorted).toEqual(['阿英', '李明', '林一', '张三']);
  });
});
