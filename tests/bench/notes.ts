/**
 * What an operator types about a call, built from the phrases such notes are made of: who
 * called, what about (by service item), what was done. A few words are rare on purpose
 * (笑氣, 丁基原啡因 …) so the notes search can be measured at every selectivity.
 */
import { Rng, Weighted } from './rng';

const OPENING: Record<string, readonly string[]> = {
  client: ['個案本人來電，', '案主來電，', '個案主動來電，'],
  family: ['案母來電，', '案父來電，', '案妻來電，', '案姊來電，', '家屬來電，'],
  public: ['民眾來電，', '一位民眾來電，', '來電者未表明身分，'],
  agency: ['監獄社工來電，', '派出所員警來電，', '學校輔導老師來電，', '醫院社工來電，'],
  other: ['來電者，', '鄰居來電，'],
  anonymous: ['匿名來電，', '來電者不願具名，'],
};

const ISSUES: Record<string, readonly string[]> = {
  'psychological-support': [
    '表示近期情緒低落，對戒癮失去信心',
    '擔心案主再次用藥，情緒焦慮',
    '自述失眠、壓力大，想找人聊聊',
    '剛出監，適應困難，感到孤單',
    '因工作不順心情煩躁，擔心忍不住又去用',
    '與家人爭吵後情緒激動',
  ],
  'drug-hazard-lecture': [
    '詢問第三、四級毒品危害講習的時間與地點',
    '收到講習通知書，詢問能否改期',
    '詢問講習請假需檢附的證明文件',
    '詢問未到講習的後果與罰鍰',
    '詢問假日講習場次',
  ],
  'legal-consultation': ['詢問持有K他命的法律責任', '詢問緩起訴附命戒癮治療的條件', '詢問被查獲後的司法程序'],
  'medical-treatment': ['詢問美沙冬替代療法的門診時間', '詢問丁基原啡因治療的費用補助', '想戒除安非他命，詢問哪裡可以就醫', '詢問凱旋醫院成癮門診掛號方式'],
  'social-welfare': ['經濟困難，詢問急難救助', '詢問低收入戶申請', '租屋困難，詢問住宅補助'],
  'employment-support': ['出監後找工作屢遭拒絕', '詢問職業訓練課程', '詢問更生人就業方案'],
  'family-support': ['擔心孩子吸食咖啡包', '詢問如何陪伴家人戒癮', '詢問家屬支持團體'],
  'drug-addiction-info': ['詢問新興毒品咖啡包的危害', '詢問搖頭丸與大麻的差別', '詢問毒品辨識方式'],
  referral: ['需要中途之家安置', '詢問更生保護會的協助'],
  other: ['詢問本局地址與上班時間', '詢問螢火蟲家族志工招募', '反映住家附近疑似有人販毒'],
};

const ACTIONS: Record<string, readonly string[]> = {
  'psychological-support': ['提供情緒支持與傾聽', '給予同理與鼓勵，建議規律作息', '肯定其求助動機，鼓勵持續就醫', '提供紓壓方法並約定再回電'],
  'drug-hazard-lecture': ['說明講習日期與報到方式', '告知請假流程，證明可以LINE傳送', '說明依毒品危害防制條例須參加講習', '提供承辦人分機'],
  'legal-consultation': ['說明相關法規並建議洽法律扶助基金會', '提供法律諮詢管道'],
  'medical-treatment': ['提供指定藥癮戒治機構名單', '說明醫療費用補助方案', '協助轉介成癮科門診'],
  'social-welfare': ['提供社會局資源與申請方式', '轉知區公所社政窗口'],
  'employment-support': ['說明就業服務站與職訓資源', '提供勞工局就業輔導資訊'],
  'family-support': ['說明家庭支持服務並邀請參加家屬團體', '提供親子溝通建議'],
  'drug-addiction-info': ['提供毒品危害資訊與宣導資料', '寄送衛教單張'],
  referral: ['轉介相關單位並約定追蹤'],
  other: ['提供相關資訊', '轉請相關單位處理'],
};

const CLOSINGS = ['約定一週後回電追蹤。', '已留下聯絡電話。', '來電者情緒穩定後結束通話。', '告知可隨時再撥打本專線。', '案主表示會考慮。'];

// Rare mentions: a drug, a place or a detail that one call in hundreds or thousands carries.
const RARE = Weighted.of<string>([
  ['提到朋友間流行喵喵', 30], ['曾使用笑氣', 3], ['曾在網咖取得毒品', 10], ['提及在旗津海邊', 8], ['提及曾住過中途之家', 12],
  ['家中有兩名幼兒', 15], ['正在服用安眠藥', 20], ['提及戒毒村', 5], ['提及宗教團體協助', 10], ['曾參加美濃的團體', 2],
]);

export function callNotes(rng: Rng, callerCode: string, itemCodes: readonly string[]): string {
  const first = itemCodes[0] ?? 'other';
  let text = rng.pick(OPENING[callerCode] ?? OPENING.other ?? ['']) + rng.pick(ISSUES[first] ?? ISSUES.other ?? ['']);
  for (const extra of itemCodes.slice(1)) text += `，另${rng.pick(ISSUES[extra] ?? ISSUES.other ?? [''])}`;
  text += `。${rng.pick(ACTIONS[first] ?? ACTIONS.other ?? [''])}。`;
  if (rng.chance(0.04)) text += `${RARE.pick(rng)}。`;
  if (rng.chance(0.35)) text += rng.pick(CLOSINGS);
  return text;
}

const FLAG_ACTIONS: Record<string, readonly string[]> = {
  'suicide-risk': ['持續陪談並評估危險性，提供安心專線1925，通知督導', '評估有立即危險，撥打119並通知督導'],
  'child-protection': ['已於24小時內通報113保護專線並通知督導'],
  'domestic-violence': ['已通報113保護專線，並告知可撥110求助', '通報家暴中心並通知督導'],
  'acute-danger': ['立即撥打110並確認來電者位置，通知督導', '撥打119協助送醫'],
};

export function flagAction(rng: Rng, flagCode: string): string {
  return rng.pick(FLAG_ACTIONS[flagCode] ?? ['已通知督導']);
}

const FOLLOW_UP_OUTCOMES = ['已回電，案主情況穩定', '已回電，已完成轉介', '未接，留言請其回電', '已回電，預約門診', '已回電，家屬表示感謝'];

export function followUpOutcome(rng: Rng): string {
  return rng.pick(FOLLOW_UP_OUTCOMES);
}

/** Search terms by how many notes carry them, for the notes-search measure. */
export const SEARCH_TERMS = {
  /** in a few calls out of ten thousand */
  rare: ['笑氣', '美濃的團體', '戒毒村', '旗津海邊'],
  /** in a few calls in a hundred */
  medium: ['美沙冬', '丁基原啡因', '中途之家', '咖啡包'],
  /** in a large share of all calls */
  common: ['情緒支持', '講習', '回電追蹤', '來電'],
  /** one or two characters: below the trigram index, through LIKE */
  short: ['笑氣', '喵喵', '門診', '網咖'],
  /** two words, both must occur */
  twoWords: ['案母 咖啡包', '個案 美沙冬', '民眾 販毒', '家屬 團體'],
} as const;
