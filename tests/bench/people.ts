/**
 * Plausible people for the generated bureau: Chinese names drawn like Taiwan's (common surnames
 * by frequency, two given-name characters, the popular given names repeated, a few new residents),
 * valid national and resident IDs (shared/lib/taiwanId.ts checkDigitFor), phone numbers and
 * addresses in the city's districts.
 */
import { checkDigitFor } from '../../shared/lib/taiwanId';
import { normalizePhone } from '../../shared/lib/phone';
import { Rng, Weighted } from './rng';

// Share (%) of the commonest surnames in Taiwan (內政部 姓名統計); the rest spread thin.
const SURNAMES = Weighted.of<string>([
  ['陳', 11.1], ['林', 8.3], ['黃', 6.0], ['張', 5.3], ['李', 5.1], ['王', 4.1], ['吳', 4.0], ['劉', 3.2], ['蔡', 2.9], ['楊', 2.6],
  ['許', 2.3], ['鄭', 1.9], ['謝', 1.8], ['郭', 1.7], ['洪', 1.6], ['曾', 1.4], ['邱', 1.4], ['廖', 1.3], ['賴', 1.3], ['周', 1.2],
  ['徐', 1.1], ['蘇', 1.1], ['葉', 1.1], ['莊', 1.0], ['呂', 1.0], ['江', 0.9], ['何', 0.9], ['蕭', 0.8], ['羅', 0.8], ['高', 0.8],
  ['潘', 0.7], ['簡', 0.7], ['朱', 0.7], ['鍾', 0.7], ['彭', 0.6], ['游', 0.6], ['詹', 0.6], ['胡', 0.6], ['施', 0.6], ['沈', 0.6],
  ['余', 0.6], ['趙', 0.5], ['盧', 0.5], ['梁', 0.5], ['顏', 0.5], ['柯', 0.5], ['孫', 0.5], ['魏', 0.5], ['翁', 0.4], ['戴', 0.4],
  ['范', 0.4], ['宋', 0.4], ['方', 0.3], ['鄧', 0.3], ['杜', 0.3], ['傅', 0.3], ['侯', 0.3], ['曹', 0.3], ['薛', 0.2], ['丁', 0.2],
  ['卓', 0.2], ['阮', 0.2], ['馬', 0.2], ['董', 0.2], ['温', 0.2], ['唐', 0.2], ['藍', 0.2], ['石', 0.2], ['蔣', 0.2], ['古', 0.2],
  ['紀', 0.2], ['姚', 0.2], ['連', 0.2], ['馮', 0.2], ['歐', 0.2], ['程', 0.2], ['湯', 0.2], ['田', 0.15], ['康', 0.15], ['姜', 0.15],
  ['白', 0.1], ['汪', 0.1], ['鄒', 0.1], ['尤', 0.1], ['巫', 0.1], ['鐘', 0.1], ['黎', 0.1], ['涂', 0.1], ['龔', 0.1], ['嚴', 0.1],
  ['歐陽', 0.03], ['張簡', 0.03], ['范姜', 0.02], ['司馬', 0.01],
]);

const MALE_CHARS = [...'志家俊建冠宇豪明偉傑文華宏哲翔凱銘勝成德信嘉承彥柏廷昇政國正育仁智賢維鴻榮耀軒恩博峰皓崇祥煌輝昌祐霖威彬瑋鈞毅龍慶良啟坤福'];
const FEMALE_CHARS = [...'淑美雅怡佩婷君玲芬惠慧珊娟萍秀麗筱欣宜靜雯琪萱瑩芳蓉真如安涵瑜瑄庭穎儀蓁妤嘉心詩郁貞燕鳳珍月琳'];
// The given names every class had three of: they make same-name people, as real rosters have.
const POPULAR_MALE = ['家豪', '志明', '俊傑', '建宏', '冠宇', '志偉', '宗翰', '承翰', '彥廷', '柏翰', '俊宏', '志豪', '家銘', '建志'];
const POPULAR_FEMALE = ['淑芬', '雅婷', '怡君', '佩珊', '美玲', '淑惠', '雅雯', '怡婷', '欣怡', '詩涵', '淑娟', '麗華', '佳穎', '郁婷'];
const NEW_RESIDENT_NAMES = [
  'NGUYEN VAN NAM', 'TRAN THI HOA', 'LE VAN HUNG', 'PHAM THI LAN', 'SITI AMINAH', 'DEWI LESTARI', 'JOHN SANTOS', 'MARIA REYES',
  'SOMCHAI SRISUK', 'BUI VAN DUC', 'HOANG THI MAI', 'AGUS SETIAWAN',
];
export const INTERPRETER_LANGUAGES = ['越南語', '印尼語', '泰語', '英語', '菲律賓語'];

export type Sex = 'M' | 'F';

export interface Person {
  name: string;
  sex: Sex;
  nationalId: string;
  /** a new resident (居留證 number, possibly an interpreter) */
  resident: boolean;
}

function givenName(rng: Rng, sex: Sex): string {
  if (rng.chance(0.03)) return rng.pick(sex === 'M' ? MALE_CHARS : FEMALE_CHARS);
  if (rng.chance(0.12)) return rng.pick(sex === 'M' ? POPULAR_MALE : POPULAR_FEMALE);
  const pool = sex === 'M' ? MALE_CHARS : FEMALE_CHARS;
  const a = rng.pick(pool);
  let b = rng.pick(pool);
  while (b === a) b = rng.pick(pool);
  return a + b;
}

export function chineseName(rng: Rng, sex: Sex): string {
  return SURNAMES.pick(rng) + givenName(rng, sex);
}

// Kaohsiung City (E) and the former county (S) issue most; people move, so the rest appear too.
const ID_LETTERS = Weighted.of<string>([
  ['E', 55], ['S', 20], ['T', 6], ['D', 5], ['B', 3], ['A', 3], ['F', 2], ['R', 2], ['H', 1], ['N', 1], ['P', 1], ['X', 1],
]);

/**
 * A valid, unique ID. `serial` makes it unique (7 digits after the sex digit); the letter and the
 * digit order are scrambled so that ID prefixes spread like real ones instead of counting up.
 */
export function nationalId(rng: Rng, serial: number, sex: Sex, resident: boolean): string {
  const letter = ID_LETTERS.pick(rng);
  const second = resident ? (sex === 'M' ? '8' : '9') : sex === 'M' ? '1' : '2';
  // A bijection on 0..9,999,999 (multiply by a number coprime with 10^7): unique, not sequential.
  const body = String((serial * 7_654_321 + 1_234_567) % 10_000_000).padStart(7, '0');
  const first9 = `${letter}${second}${body}`;
  return first9 + checkDigitFor(first9);
}

export function person(rng: Rng, serial: number, maleShare: number): Person {
  const sex: Sex = rng.chance(maleShare) ? 'M' : 'F';
  const resident = rng.chance(0.012);
  const name = resident ? rng.pick(NEW_RESIDENT_NAMES) : chineseName(rng, sex);
  return { name, sex, resident, nationalId: nationalId(rng, serial, sex, resident) };
}

export interface Phone {
  display: string;
  key: string;
}

/** A mobile number (most people) or a Kaohsiung landline, in the display form the app stores. */
export function phone(rng: Rng, mobileShare = 0.85): Phone {
  const raw = rng.chance(mobileShare)
    ? `09${rng.between(10, 99)}${String(rng.int(1_000_000)).padStart(6, '0')}`
    : `07${rng.between(2, 8)}${String(rng.int(1_000_000)).padStart(6, '0')}`;
  const parsed = normalizePhone(raw);
  if (!parsed.ok) throw new Error(`generated an invalid phone number ${raw}`);
  return { display: parsed.display, key: parsed.value };
}

const ROADS = [
  '中山一路', '中正四路', '建國二路', '九如一路', '民族一路', '自由一路', '博愛二路', '四維三路', '五福一路', '青年一路',
  '三多二路', '大順三路', '澄清路', '光遠路', '文化路', '大昌二路', '鼎山街', '明誠二路', '華夏路', '河堤路',
];

export function address(rng: Rng, districtName: string): string {
  const lane = rng.chance(0.4) ? `${rng.between(1, 300)}巷` : '';
  const floor = rng.chance(0.5) ? `${rng.between(2, 15)}樓` : '';
  return `高雄市${districtName}${rng.pick(ROADS)}${lane}${rng.between(1, 500)}號${floor}`;
}
