import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from './credit-code.js';
import { canonicalPhone, isValidPhone } from './phone.js';
import { phoneSchema } from '../schemas/sites.js';

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

  // Issue 8: eighteen zeros passed, because the check character of seventeen zeros is 0.
  it('refuses codes whose check character is right but which no authority issues', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(false);
    expect(creditCodeProblem('000000000000000000')).toBe('authority');
    const withCheck = (body: string) => body + creditCodeCheckCharacter(body);
    expect(creditCodeProblem(withCheck('94220102MA0Y4E8X1'))).toBe('authority'); // 9 registers 91–93 only
    expect(creditCodeProblem(withCheck('Y2220102MA0Y4E8X1'))).toBe('authority');
    expect(creditCodeProblem(withCheck('91000000MA0Y4E8X1'))).toBe('division');
    expect(creditCodeProblem(withCheck('91990000MA0Y4E8X1'))).toBe('division');
    for (const prefix of ['11', '12', '51', '52', '53', '91', '92', '93', 'N2', 'Y1']) expect(creditCodeProblem(withCheck(`${prefix}220102MA0Y4E8X1`)), prefix).toBeNull();
    expect(isValidCreditCode(withCheck('91100000MA0Y4E8X1'))).toBe(true); // a national registration
  });
});

describe('contact phone', () => {
  // Hostile review of issue 8: mobile placeholders passed; numbers were stored as typed.
  it.each(['13000000000', '13333333333', '19999999999', '15588888888', '--13800138000', '0431-6238761-', '0431--6238761', '-0431-6238761', '+86', '13912345678-806'])('refuses %s', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
  });

  it.each([
    ['13912345678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['0086-13912345678', '13912345678'],
    ['043188881234', '0431-88881234'],
    ['(0431) 8888 1234', '0431-88881234'],
    ['0431 - 88881234', '0431-88881234'],
    ['01012345678', '010-12345678'],
    ['020-1234567', '020-1234567'],
    ['0431-88881234转806', '0431-88881234-806'],
    ['0431-88881234-806', '0431-88881234-806'],
    ['400-123-4567', '4001234567'],
    ['13800138000', '13800138000'],
  ])('stores %s as %s', (typed, stored) => {
    expect(canonicalPhone(typed)).toBe(stored);
    expect(phoneSchema.parse(typed)).toBe(stored);
  });

  it.each(['13912345678', '+86 139 1234 5678', '0431-88881234', '043188881234', '010-12345678', '0431-8888123', '400-123-4567', '0431-88881234-806', '0431-88881234转806'])('accepts %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
  });

  // Issue 8: '0000000000' passed as a landline (0 + a 2-digit area code + 7 digits).
  it.each(['12345678901', '1391234567', '139123456789', '88881234', 'call me', '0431-123', '<script>', '0000000000', '00000000000', '0431-00000000', '0431-1111111', '400-000-0000', '800-888-8888', '0000-0000000'])('refuses %s', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
  });
});
