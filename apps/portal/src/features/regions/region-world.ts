import type { RegionSummary } from '@sitenet/domain';
import { regionSummary } from './test-factories';

/** 吉林省 › 长春市 › 南关区 › 桃源街道, a sibling of each, and Beijing (no prefecture level): for pickers and names. */
export function jilinWorld() {
  const jilin = regionSummary({ code: '220000', name: '吉林省', level: 1, type: 'province', parentCode: null, childCount: 2 });
  const beijing = regionSummary({ code: '110000', name: '北京市', level: 1, type: 'municipality', parentCode: null, childCount: 1 });
  const changchun = regionSummary({ code: '220100', name: '长春市', level: 2, type: 'prefecture-city', parentCode: '220000', childCount: 2 });
  const jilinCity = regionSummary({ code: '220200', name: '吉林市', level: 2, type: 'prefecture-city', parentCode: '220000', childCount: 0 });
  const nanguan = regionSummary({ code: '220102', name: '南关区', level: 3, type: 'district', parentCode: '220100', childCount: 1 });
  const kuancheng = regionSummary({ code: '220103', name: '宽城区', level: 3, type: 'district', parentCode: '220100', childCount: 0 });
  const taoyuan = regionSummary({ code: '220102001000', name: '桃源街道', level: 4, type: 'subdistrict', parentCode: '220102', childCount: 0 });
  const dongcheng = regionSummary({ code: '110101', name: '东城区', level: 3, type: 'district', parentCode: '110000', childCount: 0 });
  const all: RegionSummary[] = [beijing, jilin, dongcheng, changchun, jilinCity, nanguan, kuancheng, taoyuan];
  return { all, jilin, beijing, changchun, jilinCity, nanguan, kuancheng, taoyuan, dongcheng };
}
