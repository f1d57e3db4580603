import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorListSchema } from '@sitenet/domain/schemas';
import type { AppConfig } from '../src/config/config.js';
import { INDICATORS_FILE, IndicatorsFileError, OutcomeIndicatorsService } from '../src/outcomes/outcome-indicators.service.js';
import { useScratchDir } from './support/scratch-dir.js';
import { useSignedIn, useTestApp } from './support/test-app.js';

const t = useTestApp();
const staff = useSignedIn(t, { role: 'district', regionCode: '220102' });

const CHANGCHUN = { code: '220102', level: 3, provinceCode: '220000', prefectureCode: '220100', countyCode: '220102' };
const LAOSHAN = { code: '370212', level: 3, provinceCode: '370000', prefectureCode: '370200', countyCode: '370212' };
const SHANDONG = { code: '370000', level: 1, provinceCode: '370000', prefectureCode: null, countyCode: null };

describe('outcome indicators', () => {
  it('GET /outcome-indicators lists the shipped indicators in the file\'s order to any signed-in user (and nobody else)', async () => {
    const list = indicatorListSchema.parse((await staff.http.get('/api/outcome-indicators').expect(200)).body);
    expect(list.items.map((i) => i.key)).toEqual(expect.arrayContaining(['new-employment', 'training', 'employment-rate', 'job-fairs']));
    expect(list.items.find((i) => i.key === 'new-employment')).toMatchObject({ periodicity: 'quarter', measure: { type: 'count', unit: 'persons' }, disaggregations: ['residence', 'sex'] });
    await t.http().get('/api/outcome-indicators').expect(401);
  });

  describe('a bad indicators file stops the start, naming the file and the problem', () => {
    const scratch = useScratchDir('sitenet-indicators-');
    const start = async (text: string | null) => {
      const dir = path.join(scratch(), String(Math.random()).slice(2));
      await mkdir(path.join(dir, 'outcomes'), { recursive: true });
      if (text !== null) await writeFile(path.join(dir, INDICATORS_FILE), text);
      return () => new OutcomeIndicatorsService({ seedsDir: dir } as AppConfig);
    };
    const good = { key: 'training', labels: { 'zh-CN': '培训', en: 'Training' }, description: { 'zh-CN': '培训人次', en: 'Person-times trained' }, measure: { type: 'count', unit: 'person-times' }, periodicity: 'quarter', sources: [{ document: '测试方案', clause: '一', quote: '开展职业技能培训' }] };

    it('missing', async () => {
      expect(await start(null)).toThrow(IndicatorsFileError);
    });
    it('not JSON', async () => {
      expect(await start('{ "indicators": [')).toThrow(/indicators\.json cannot be read as JSON/);
    });
    it('an indicator without a periodicity, with an unknown unit', async () => {
      const { periodicity: _p, ...noPeriodicity } = good;
      const make = await start(JSON.stringify({ notice: 'test', indicators: [noPeriodicity, { ...good, key: 'fairs', measure: { type: 'count', unit: 'dozens' } }] }));
      expect(make).toThrow(/indicators\.0\.periodicity.*indicators\.1\.measure/);
    });
    it('a key twice', async () => {
      expect(await start(JSON.stringify({ notice: 'test', indicators: [good, good] }))).toThrow(/training more than once/);
    });
    it('a good file loads (ofPeriodicity, byKey)', async () => {
      const service = (await start(JSON.stringify({ notice: 'test', indicators: [good] })))();
      expect(service.ofPeriodicity('quarter', CHANGCHUN).map((i) => i.key)).toEqual(['training']);
      expect(service.ofPeriodicity('year', CHANGCHUN)).toEqual([]);
      expect(service.byKey('training')?.disaggregations).toEqual([]);
    });
    it("an indicator with regions is reported inside them only (a Jilin county is not asked for Qingdao's rate)", async () => {
      const rate = { ...good, key: 'qd-rate', regions: ['370200'] };
      const service = (await start(JSON.stringify({ notice: 'test', indicators: [good, rate] })))();
      expect(service.ofPeriodicity('quarter', CHANGCHUN).map((i) => i.key)).toEqual(['training']);
      expect(service.ofPeriodicity('quarter', LAOSHAN).map((i) => i.key)).toEqual(['training', 'qd-rate']);
      expect(service.ofPeriodicity('quarter', SHANDONG).map((i) => i.key)).toEqual(['training', 'qd-rate']);
      expect(service.ofPeriodicity('quarter', { code: '370100', level: 2, provinceCode: '370000', prefectureCode: '370100', countyCode: null }).map((i) => i.key)).toEqual(['training']);
    });
  });
});
