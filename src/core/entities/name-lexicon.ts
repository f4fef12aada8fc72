/**
 * Small word lists the name recogniser needs: Chinese surnames (a word the HMM found is taken for
 * a personal name only when it starts with one) and words jieba tags as names that are not names.
 * General Chinese knowledge, in Simplified (the recogniser works on Simplified text).
 */

// The common single-character surnames (about 95 % of the population) and the usual compound ones.
const SINGLE =
  '洪赖凃阎傅萧郦鄂桓畅郅缑雒宦郗蓟钮恽王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由' +
  // Rare surnames that are no common character (仉德旺, 逄红霞, 禚立新, 隗建军, 訾秀英).
  '仉逄禚隗訾郄佴綦蒯厍璩郇宓郏庹笪邗';
const COMPOUND = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '西门', '南宫', '独孤', '澹台'];
const SURNAMES = new Set(SINGLE);
// First characters of the compound surnames: most words start with none (a test at every word).
const COMPOUND_FIRST = new Set(COMPOUND.map((c) => c[0]));
// The hundred most common, from 王 to 汤 in that list.
const TOP_HUNDRED = new Set(SINGLE.slice(SINGLE.indexOf('王'), SINGLE.indexOf('王') + 100));

/** Whether `ch` is one of the hundred most common Chinese surnames. */
export function isTopSurname(ch: string): boolean {
  return TOP_HUNDRED.has(ch);
}

/** Whether `word` starts with a Chinese surname (single or compound). */
export function isChineseSurnameStart(word: string): boolean {
  return SURNAMES.has(word[0]) || (COMPOUND_FIRST.has(word[0]) && COMPOUND.some((c) => word.startsWith(c)));
}

// Surnames that are more often a numeral, measure, function or common morpheme (万人, 时要, 卢布):
// a two-character word starting with one is a name only beside a title or a verb of speech.
const AMBIGUOUS = new Set('万余时于那但全向由单连安多关应官区张包乐阴冷管高卢科花叶山房路相印干成和都来文明平国公方白金石水云海江田原关');

// Of those, the common surnames (among the hundred most frequent) that begin names more often than
// other words when the dictionary holds the whole three-character word as a name (张志强, 高秀敏, 金维映).
const COMMON_AMBIGUOUS = new Set('张高金叶江田石白方文卢包管关万余');

/** Whether `ch` is a common surname although it is often an ordinary character too (张, 高, 金). */
export function isCommonSurname(ch: string): boolean {
  return COMMON_AMBIGUOUS.has(ch);
}

/** Whether the surname `ch` is more often an ordinary character (万, 时, 于) than a surname in news. */
export function isAmbiguousSurname(ch: string): boolean {
  return AMBIGUOUS.has(ch);
}

// Words jieba's dictionary tags nr (or its HMM leaves as x) that are ordinary words in news text.
const NOT_NAMES = new Set([
  '祝福', '卫星', '高达', '黄金', '白金', '金牌', '银牌', '石油', '司令', '高速', '文明', '安全', '和平', '万一', '常委', '总理', '主任', '老总', '老板', '同志', '先生', '女士', '小姐', '师傅', '书记', '市长', '省长', '县长', '局长', '部长', '院长', '校长', '主席', '总统', '首相',
  '龙头', '林业', '江山', '明星', '黎明', '平安', '方便', '金融', '石头', '马上', '高手', '武器', '华人', '华侨', '秦始皇', '关于', '白色', '黄色', '红色', '金色', '文化', '史上', '国际', '国内', '周年', '周末', '周边', '周刊', '周围', '江湖', '包括', '于是', '成为', '成功', '项目', '宁可', '段落', '连续', '单位', '简单', '严格', '明确', '华丽', '时期', '时间', '时代', '时候', '时刻', '关键', '关系', '应该', '向着', '和谐', '全部', '全面', '任何', '任务', '程度', '程序', '曾经', '于此', '慈善', '老大哥', '瓦斯', '纳粹', '雷阵雨',
  // Loanwords and words the dictionary tags as names (卢比 rupee, 许可证 licence, 摩登/nrt modern, 乌托邦/nr utopia).
  '卢比', '卢布', '许可证', '穆斯林', '摩登', '乌托邦', '麦克风', '比特', '哈希', '巧克力', '马拉松', '迪斯科', '沙龙', '雷达', '沙拉', '布丁', '伏特加', '威士忌', '克隆', '荷尔蒙', '尼古丁', '马赛克', '拉丁',
  '厄尔尼诺', '斯诺克', '桑巴', '爱乐',
  // Everyday words the dictionary tags nr or nrt (多达 as many as, 科普 popular science, 路基 roadbed, 索道 cableway).
  '多达', '科普', '路基', '索道', '山洪', '高雅', '阳光', '道德', '荣誉', '古老', '光荣', '权威', '友谊', '洪水', '顾客', '公正', '智慧', '祖先', '康复', '修正', '诸如', '周转',
  '冷笑', '拉高', '富豪', '初估', '常说', '荣景', '权值', '康复者',
  // Where a photo caption places someone (左起, 右二, 图左): 左 and 右 are surnames too.
  ...[...'一二三四五起'].flatMap((c) => [`左${c}`, `右${c}`]), '图左', '图右',
]);

/** Whether `word` is an ordinary word that jieba may take for a name. */
export function isNonNameWord(word: string): boolean {
  return NOT_NAMES.has(word);
}

// One-character abbreviations of countries and Chinese provinces news uses in pairs (中美, 京津).
const ABBREVIATIONS = new Set('中美俄日韩朝印法德英意巴以澳加越泰菲蒙欧非亚港台澳京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇藏陕甘青宁新');

/** Whether `ch` abbreviates a country or province (中 China, 俄 Russia, 京 Beijing). */
export function isPlaceAbbreviation(ch: string): boolean {
  return ABBREVIATIONS.has(ch);
}

// Countries news abbreviates only next to a partner before a word of relations (墨美两国, 埃中关系,
// 中葡双方): on their own these characters are common words. Directions (东西南北) are left out:
// 西南, 中西 are directions and 'East and West' far more often than Spain or Yugoslavia.
const PARTNER_ABBREVIATIONS = new Set('墨埃葡哥布奥荷土伊叙古秘智阿缅柬孟沙约黎捷波匈罗保瑞挪丹芬希乌哈塔肯尼');

/** Whether `ch` abbreviates a country when it stands next to a partner country's (中美, 埃中, 墨美). */
export function isPartnerAbbreviation(ch: string): boolean {
  return ABBREVIATIONS.has(ch) || ch === '华' || PARTNER_ABBREVIATIONS.has(ch);
}

// Of those, the ones that abbreviate a country on their own too (one side of a pair must be one).
const COUNTRY_ABBREVIATIONS = new Set('中华美俄苏日韩朝印法德英意巴以澳加越泰菲蒙');

/** Whether `ch` abbreviates a major country wherever it stands in a pair (中, 美, 俄). */
export function isCountryAbbreviation(ch: string): boolean {
  return COUNTRY_ABBREVIATIONS.has(ch);
}

// The place each one-character abbreviation stands for, where it stands for one only: 巴 (Pakistan,
// Brazil, Palestine), 澳 (Australia, Macao, Austria) and the provinces' (新, 宁, 青 are words
// first) are left out.
const ABBREVIATED: Record<string, string> = {
  中: '中国', 华: '中国', 美: '美国', 俄: '俄罗斯', 日: '日本', 韩: '韩国', 朝: '朝鲜', 印: '印度', 法: '法国', 德: '德国',
  英: '英国', 意: '意大利', 以: '以色列', 加: '加拿大', 越: '越南', 泰: '泰国', 菲: '菲律宾', 蒙: '蒙古', 叙: '叙利亚',
  欧: '欧洲', 非: '非洲', 亚: '亚洲', 港: '香港', 台: '台湾', 京: '北京', 沪: '上海', 津: '天津', 渝: '重庆',
  // Countries abbreviated only next to a partner (墨美, 埃中, 中葡: isPartnerAbbreviation).
  墨: '墨西哥', 埃: '埃及', 葡: '葡萄牙', 荷: '荷兰', 古: '古巴', 缅: '缅甸', 柬: '柬埔寨', 孟: '孟加拉国', 希: '希腊', 匈: '匈牙利',
  捷: '捷克', 芬: '芬兰', 丹: '丹麦', 挪: '挪威', 波: '波兰', 土: '土耳其', 肯: '肯尼亚', 智: '智利', 秘: '秘鲁', 保: '保加利亚', 罗: '罗马尼亚',
};

/** The full name of the place a one-character abbreviation (Simplified) stands for, when it stands for one only. */
export function abbreviatedPlace(ch: string): string | undefined {
  return Object.hasOwn(ABBREVIATED, ch) ? ABBREVIATED[ch] : undefined;
}

// Nouns jieba's dictionary tags as places that name no particular place.
const GENERIC_PLACES = new Set(['城市', '海洋', '两国', '外国', '大国', '山区', '山水', '城镇', '大城市', '大街', '海峡', '海港', '海湾', '古都', '南北', '东西', '各国', '回国', '山坡', '大山', '海滨', '南国', '多极', '朝野',
  // Phrases and idioms it tags as places (上半场, 小城镇, 半壁江山, 兴旺发达).
  '上半场', '下半场', '沿海', '小城镇', '重镇', '乡镇', '村镇', '半壁江山', '加大力度', '兴旺发达', '新建', '临时', '馆内', '古庙']);

/** Whether a word jieba tags ns is a common noun, not a place name. */
export function isGenericPlaceWord(word: string): boolean {
  return GENERIC_PLACES.has(word);
}

// Nouns ending like an organisation that name none in particular (社会, 部队, 医院).
const GENERIC_ORGS = new Set(
  ('同行 两院 交界处 社会 机会 大会 会议 宴会 晚会 舞会 年会 聚会 集会 开会 约会 都会 学会 体会 误会 理会 协会 工会 议会 委员会 全会 例会 茶话会 座谈会 运动会 博览会 展览会 交易会 研讨会 报告会 ' +
    '部队 军队 球队 车队 梯队 团队 乐队 舰队 船队 商队 队伍 排队 站队 领队 主队 客队 国家队 组队 长队 带队 派队 ' +
    '全部 内部 外部 干部 局部 部分 部门 部位 部署 部长 本部 总部 支部 分部 东部 西部 南部 北部 中部 腹部 头部 胸部 上部 下部 ' +
    '结局 格局 当局 布局 大局 全局 局面 局势 开局 出局 骗局 时局 政局 分局 ' +
    '医院 法院 学院 剧院 影院 寺院 庭院 大院 病院 书院 研究院 科学院 住院 出院 入院 ' +
    '政党 入党 建党 全党 党员 党委 党派 党组织 团组织 执政党 在野党 反对党 党支部 ' +
    '社团 集团 团体 剧团 乐团 兵团 代表团 旅游团 观光团 考察团 访问团 ' +
    '报社 旅社 出版社 合作社 结社 公社 ' +
    '常委 编委 政委 主委 立委 蓝委 绿委 白委 干部 公司 银行 董事会 招待会 游击队 强队 支队 ' +
    // Units and squads named by their kind, and a party referred to (营队 a camp, 校队, 全队, 同党).
    '营队 校队 全队 随队 同党 本党 该党 ' +
    // Words ending in 办 that are hosting or handling, not offices (主办, 承办: 国台办 is one).
    '主办 承办 协办 合办 筹办 举办 创办 开办 兴办 包办 督办 查办 照办 代办 操办 试办 ' +
    // Words ending in 报 that are reports, not papers; in 处 that are places or merits, not offices.
    '通报 预报 警报 情报 汇报 简报 举报 电报 海报 年报 捷报 喜报 回报 上报 申报 呈报 谍报 ' +
    '地处 深处 到处 住处 好处 用处 坏处 长处 短处 益处 之处 各处 出处 归队 入队 ' +
    // …in 所 that are "somewhat" or places, in 厂 that are building one.
    '有所 场所 住所 厕所 处所 建厂 设厂 代工厂 ' +
    // Words ending in 行 that are going, doing or fashion, not banks.
    '飞行 航行 旅行 步行 同行 通行 运行 执行 进行 举行 流行 发行 平行 可行 先行 履行 施行 实行 盛行 自行 出行 远行 游行 横行 罪行 言行 品行 送行').split(' '),
);

// Of those, the ones that make a body after a place or an organisation (香港…委员会, 郑州分局,
// 中国代表团, 广东香江企业集团); 中国社会 and 北京局势 stay common nouns.
const INSTITUTIONS = new Set(
  ('协会 学会 工会 议会 委员会 部队 球队 舰队 支队 游击队 分局 医院 法院 学院 剧院 研究院 科学院 党委 集团 剧团 乐团 兵团 代表团 考察团 访问团 ' +
    '报社 出版社 公社 董事会 公司 银行').split(' '),
);

/** Whether a common organisation noun makes a body when a named head comes before it (郑州 分局). */
export function isInstitutionWord(word: string): boolean {
  return INSTITUTIONS.has(word);
}

/** Whether a word that ends like an organisation (社会, 部队, 医院) is a common noun. */
export function isGenericOrgWord(word: string): boolean {
  return GENERIC_ORGS.has(word);
}

// Characters that end a glued word, never a two-character given name (余人, 时要, 那好).
export const NOT_GIVEN_END = new Set('人的了是在得个些要转字着上下里内外中为以与和就都也又还才再将被把从对到向掉任副币贷款费税率且及于后打列媒隔');
