import { creditCodeCheckCharacter } from '@sitenet/domain';
import { installedKinds } from '@sitenet/kinds';

let serial = Math.floor(Date.now() / 1000) % 100_000;

/** A valid, invented 统一社会信用代码 (check character per GB 32100). */
export function creditCode(): string {
  const body = `9122010${String(++serial).padStart(10, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

/** Valid attributes for each installed kind, as the portal's form takes them: the kind packages' own examples. */
export const KIND_ATTRIBUTES: Record<string, Record<string, unknown>> = Object.fromEntries(installedKinds.map((kind) => [kind.code, kind.examples.valid]));

export function commonFields(name: string): Record<string, unknown> {
  return {
    name,
    address: `南关区浏览器测试路${serial}号`,
    'location.lat': '43.8601',
    'location.lng': '125.3512',
    'operator.name': `${name}运营单位`,
    'operator.creditCode': creditCode(),
    'contact.person': '浏览器测试',
    'contact.phone': '0431-66668888',
  };
}
