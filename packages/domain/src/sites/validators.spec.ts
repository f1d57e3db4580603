import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isValidCreditCode, normalizeCreditCode } from './credit-code.js';
import { isValidPhone } from './phone.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // A code built by hand: prefix + a 17-character body, checked by the standard's formula.
  const body = '91220102MA0Y4E8X1';
  const valid = body + creditCodeCheckCharacter(body);

  it('accepts a code whose check character is right, in any case and with spaces', () => {
    expect(isValidCreditCode(valid)).toBe(true);
    expect(isValidCreditCode(valid.toLowerCase())).toBe(true);
    expect(isValidCreditCode(`${valid.slice(0, 6)} ${valid.slice(6)}`)).toBe(true);
    expect(normalizeCreditCode(` ${valid.toLowerCase()} `)).toBe(valid);
  });

  it('matches published certificates', () => {
    // Codes printed on public business licences (check characters recomputed here).
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000802100433')).toBe('B');
  });

  it('refuses a wrong check character, a wrong length and forbidden letters', () => {
    const wrong = body + (valid[17] === '0' ? '1' : '0');
    expect(isValidCreditCode(wrong)).toBe(false);
    expect(isValidCreditCode(valid.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${valid}0`)).toBe(false);
    expect(isValidCreditCode('91220102MA0Y4E8XIO')).toBe(false);
    expect(isValidCreditCode('9122A102MA0Y4E8X1' + '0')).toBe(false);
  });
});

describe('contact phone', () => {
  it.each(['13912345678', '+86 139 1234 5678', '0431-88881234', '043188881234', '010-12345678', '0431-8888123', '400-123-4567', '0431-88881234-806', '0431-88881234转806'])('accepts %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
  });

  it.each(['12345678901', '1391234567', '139123456789', '88881234', 'call me', '0431-123', '<script>'])('refuses %s', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
  });
});
