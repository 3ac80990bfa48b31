/**
 * Chinese and Japanese news-like text for the search benchmark's CJK share of the library
 * (decision 0031). Not random code points: sentences are built from a vocabulary of real news
 * words, Zipf-distributed as the Latin generator's are, joined without spaces, with full-width
 * commas and stops; Japanese sentences put particles between the nouns and end on a verb form.
 * A long tail of generated two- and three-character compounds (from common characters) stands in
 * for the rare words of real text, so the index holds many rare bigrams as well as common ones.
 */

import { zipf } from './corpus'

const ZH_WORDS = (
  '中国 政府 经济 发展 国家 美国 市场 企业 公司 表示 认为 记者 报道 今年 目前 部门 国际 问题 合作 安全 ' +
  '银行 投资 能源 石油 港口 航运 船舶 出口 进口 贸易 关税 外交 部长 总统 总理 会议 谈判 协议 军事 海军 ' +
  '边境 冲突 和平 官员 宣布 发布 声明 增长 下降 价格 通胀 利率 货币 汇率 美元 欧元 数据 统计 调查 分析 ' +
  '专家 研究 技术 网络 攻击 制裁 地区 局势 影响 供应链 运输 集装箱 天然气 管道 电力 煤炭 粮食 小麦 大豆 ' +
  '农业 工业 制造业 汽车 电池 芯片 半导体 出口额 海关 总署 上海 北京 广州 深圳 香港 台湾 日本 俄罗斯 ' +
  '乌克兰 欧洲 中东 红海 南海 航线 运价 保险 船东 油轮 货轮 码头 物流 仓储 库存 需求 供应 消费 就业 ' +
  '失业率 人民币 央行 财政 预算 债务 股市 指数 上涨 下跌 同比 环比 季度 月份 年度 计划 政策 改革 开放 ' +
  '稳定 风险 危机 压力 挑战 机遇 前景 预期 目标 措施 支持 加强 推动 促进 提高 降低 扩大 减少 保持 实现 ' +
  '新华社 外交部 商务部 发言人 消息 人士 透露 据悉 日前 近日 此前 随后 同时 此外 然而 但是 因此 由于 ' +
  '稀土 好望角 绕行 航程 交通 运输部 沟通 复苏 新能源 产业 疲软 拖累'
).split(' ')
const ZH_FUNCTION = ['的', '了', '在', '是', '和', '将', '对', '与', '为', '已']

const JA_NOUNS = (
  '政府 首相 日本 東京 大阪 経済 市場 企業 会社 記者 会見 発表 方針 計画 問題 協議 会談 外務省 経済産業省 日銀 ' +
  '総裁 金利 円安 株価 物価 輸出 輸入 規制 関税 半導体 電池 自動車 港湾 船舶 原油 タンカー エネルギー ' +
  'サプライチェーン ロシア ウクライナ 中国 米国 欧州 中東 情勢 安全 防衛 地震 防災 知事 都民 住民 自治体 ' +
  '国会 与党 野党 選挙 予算 財政 増税 賃金 雇用 消費 需要 供給 在庫 価格 影響 懸念 見通し 可能性 ' +
  '担当者 関係者 専門家 調査 結果 報告 検討 対策 支援 強化 拡大 縮小 再開 停止 延期 合意 署名 交渉 ' +
  '港 船 油 円 株 国 県 市 都 党 省 庁 局 社 便 量 率 額'
).split(' ')
const JA_PARTICLES = ['の', 'は', 'を', 'に', 'が', 'で', 'と', 'も', 'へ', 'から']
const JA_ENDINGS = ['を発表した', 'と述べた', 'を明らかにした', 'としている', 'する方針だ', 'と語った', 'が続いている', 'を検討している', 'した', 'する見通しだ']

/** Common characters for the long tail of rare compounds. */
const TAIL_CHARS =
  '一人大中上国年生出会事学对自子们地道行方后多成经么去法家以得当如都同现发可外还其样主能过下而然工里实前定由开所高已二面现小长进力本者分心' +
  '手电文建公应把方新看明问使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'

/** The real words first (the most frequent ranks), then generated compounds up to `size`. */
function vocabulary(base: readonly string[], size: number, rnd: () => number): string[] {
  const words = [...base]
  const seen = new Set(words)
  while (words.length < size) {
    const n = rnd() < 0.7 ? 2 : 3
    let w = ''
    for (let i = 0; i < n; i++) w += TAIL_CHARS[Math.floor(rnd() * TAIL_CHARS.length)]
    if (!seen.has(w)) {
      seen.add(w)
      words.push(w)
    }
  }
  return words
}

export interface CjkWriter {
  /** The vocabularies by rank (0 is the most frequent), for picking queries. */
  words: { zh: readonly string[]; ja: readonly string[] }
  /** About `chars` characters of paragraphs (separated by blank lines), in Chinese or Japanese. */
  text(language: 'zh' | 'ja', chars: number): string
  /** A headline of 10–20 characters. */
  title(language: 'zh' | 'ja'): string
}

export function cjkWriter(rnd: () => number): CjkWriter {
  const zh = vocabulary(ZH_WORDS, 20_000, rnd)
  const ja = vocabulary(JA_NOUNS, 20_000, rnd)
  const zhWord = zipf(zh.length, 1.07, rnd)
  const jaWord = zipf(ja.length, 1.07, rnd)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const sentence = (language: 'zh' | 'ja') => {
    let out = ''
    const n = 5 + Math.floor(rnd() * 10)
    for (let i = 0; i < n; i++) {
      if (language === 'zh') {
        out += zh[zhWord()]!
        if (rnd() < 0.3) out += pick(ZH_FUNCTION)
      } else {
        out += ja[jaWord()]! + pick(JA_PARTICLES)
      }
      if (i > 0 && i < n - 1 && rnd() < 0.15) out += language === 'zh' ? '，' : '、'
    }
    return language === 'zh' ? `${out}。` : `${out.slice(0, -1)}${pick(JA_ENDINGS)}。`
  }
  return {
    words: { zh, ja },
    text(language, chars) {
      const paragraphs: string[] = []
      let length = 0
      while (length < chars) {
        let p = ''
        const target = 60 + Math.floor(rnd() * 140)
        while (p.length < target) p += sentence(language)
        paragraphs.push(p)
        length += p.length
      }
      return paragraphs.join('\n\n')
    },
    title(language) {
      return sentence(language).slice(0, 10 + Math.floor(rnd() * 10)).replace(/[，、。]$/, '')
    }
  }
}
