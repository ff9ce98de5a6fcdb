import { describe, expect, it } from 'vitest';
import { customerSearchText, foldForSearch } from './search-text';

describe('search folding', () => {
  it('ignores case, accents and spacing', () => {
    expect(foldForSearch('  ZOË   Walker ')).toBe('zoe walker');
    expect(foldForSearch('Chloé Moreau')).toBe(foldForSearch('CHLOE MOREAU'));
    expect(foldForSearch('Ｆｕｌｌ')).toBe('full');
  });

  it('indexes email and name only', () => {
    expect(customerSearchText('Ada@Example.com', { name: 'Ada Lovelace', city: 'London' })).toBe(
      'ada@example.com ada lovelace',
    );
    expect(customerSearchText(null, { name: 42 })).toBe('');
  });
});
