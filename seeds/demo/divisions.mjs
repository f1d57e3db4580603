// The divisions (seeds/divisions/regions.json) as the demo generators read them: the rows, and each
// region by its code with its named columns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const regions = JSON.parse(readFileSync(fileURLToPath(new URL('../divisions/regions.json', import.meta.url)), 'utf8'));
export const byCode = new Map(regions.rows.map((r) => [r[0], { code: r[0], name: r[1], level: r[2], parent: r[3], type: r[4], statisticalOnly: r[5], lng: r[6], lat: r[7] }]));
