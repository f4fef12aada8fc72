/**
 * Countries and major world cities in Simplified Chinese: jieba's dictionary tags many of them as
 * people (莫斯科/nr, 科索沃/nr, 阿根廷/nr), so the recogniser asks this list before taking a
 * transliterated word for a person. General knowledge, not taken from any evaluation set.
 */
/**
 * Taiwanese names of countries that jieba's dictionary does not hold whole (帛琉 → 帛/ng 琉/ns):
 * added to it (worldDictionary), unlike the other places, which it already keeps whole.
 */
const TAIWAN_SPLIT =
  '帛琉 史瓦帝尼 吉里巴斯 索罗门群岛 万那杜 巴布亚纽几内亚 厄瓜多 模里西斯 维德角 甘比亚 布吉纳法索 尚比亚 莫三比克 波札那 坦尚尼亚 蒲隆地 吉布地 ' +
  '厄利垂亚 茅利塔尼亚 几内亚比索 马尔地夫 赛普勒斯 叶门 阿拉伯联合大公国 克罗埃西亚 斯洛维尼亚 波士尼亚 北马其顿 蒙特内哥罗 列支敦斯登 格瑞那达 圣露西亚 纽泽西';
const COUNTRIES =
  '中国 美国 英国 法国 德国 俄罗斯 日本 韩国 朝鲜 印度 巴基斯坦 孟加拉国 孟加拉 斯里兰卡 尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋 卡塔尔 巴林 科威特 土耳其 塞浦路斯 格鲁吉亚 亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 土库曼斯坦 吉尔吉斯斯坦 塔吉克斯坦 蒙古 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 ' +
  '埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 乌干达 坦桑尼亚 卢旺达 布隆迪 刚果 扎伊尔 加蓬 喀麦隆 尼日利亚 尼日尔 乍得 马里 毛里塔尼亚 塞内加尔 冈比亚 几内亚 几内亚比绍 塞拉利昂 利比里亚 科特迪瓦 加纳 多哥 贝宁 布基纳法索 中非 赤道几内亚 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 博茨瓦纳 纳米比亚 南非 莱索托 斯威士兰 马达加斯加 毛里求斯 塞舌尔 科摩罗 佛得角 ' +
  '加拿大 墨西哥 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 巴拿马 古巴 牙买加 海地 多米尼加 巴哈马 巴巴多斯 特立尼达和多巴哥 格林纳达 哥伦比亚 委内瑞拉 圭亚那 苏里南 厄瓜多尔 秘鲁 玻利维亚 巴西 巴拉圭 乌拉圭 阿根廷 智利 ' +
  '爱尔兰 荷兰 比利时 卢森堡 瑞士 奥地利 意大利 西班牙 葡萄牙 希腊 马耳他 丹麦 挪威 瑞典 芬兰 冰岛 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 南斯拉夫 塞尔维亚 黑山 克罗地亚 斯洛文尼亚 波黑 波斯尼亚 马其顿 阿尔巴尼亚 科索沃 乌克兰 白俄罗斯 摩尔多瓦 立陶宛 拉脱维亚 爱沙尼亚 摩纳哥 梵蒂冈 列支敦士登 安道尔 圣马力诺 ' +
  // Names used in Taiwan and Hong Kong (Simplified here like the rest), by the Taiwanese
  // foreign ministry's usage where it differs from the mainland's (卡達 for 卡塔尔, 馬拉威 for 马拉维).
  '澳洲 纽西兰 义大利 南韩 北韩 沙乌地阿拉伯 沙乌地 寮国 星加坡 美利坚 美利坚合众国 ' +
  `${TAIWAN_SPLIT} 卡达 马拉威 赖比瑞亚 衣索比亚 诺鲁 吐瓦鲁 宏都拉斯 瓜地马拉 贝里斯 哥斯大黎加 盖亚那 苏利南 塞席尔 葛摩 迦纳 贝南 加彭 ` +
  '奈及利亚 辛巴威 赖索托 肯亚 卢安达 索马利亚 突尼西亚 象牙海岸 亚塞拜然 哈萨克 乌兹别克 土库曼 吉尔吉斯 塔吉克 汶莱 圣马利诺 马尔他 巴贝多 多明尼加 教廷 ' +
  // Countries of the past that news and history still name, and the Arab world.
  '苏联 俄国 东德 西德 捷克斯洛伐克 波斯 普鲁士 奥匈帝国 阿拉伯 中华 ' +
  '澳大利亚 新西兰 巴布亚新几内亚 斐济 萨摩亚 汤加 瓦努阿图 所罗门群岛 基里巴斯 瑙鲁 图瓦卢 帕劳';
// China's provincial-level divisions, short and full forms.
const PROVINCES =
  '河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 ' +
  '内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 香港特别行政区 澳门特别行政区';
const CITIES =
  '北京 上海 天津 重庆 香港 澳门 台北 高雄 台中 台南 新竹 基隆 新北 桃园 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖 金门 马祖 小琉球 绿岛 兰屿 拉萨 乌鲁木齐 呼和浩特 石家庄 哈尔滨 长春 沈阳 大连 太原 济南 青岛 郑州 ' +
  '南京 苏州 无锡 杭州 宁波 温州 合肥 福州 厦门 南昌 武汉 长沙 广州 深圳 珠海 汕头 南宁 桂林 海口 三亚 成都 贵阳 昆明 西安 兰州 西宁 银川 ' +
  '东京 大阪 京都 横滨 名古屋 首尔 汉城 平壤 新德里 孟买 加尔各答 卡拉奇 伊斯兰堡 拉合尔 达卡 加德满都 科伦坡 喀布尔 德黑兰 巴格达 大马士革 贝鲁特 安曼 耶路撒冷 特拉维夫 加沙 利雅得 麦加 迪拜 多哈 安卡拉 伊斯坦布尔 第比利斯 埃里温 巴库 阿拉木图 阿斯塔纳 塔什干 比什凯克 杜尚别 乌兰巴托 河内 胡志明市 万象 金边 曼谷 仰光 吉隆坡 雅加达 马尼拉 ' +
  '开罗 亚历山大港 的黎波里 突尼斯 阿尔及尔 拉巴特 卡萨布兰卡 喀土穆 亚的斯亚贝巴 内罗毕 坎帕拉 达累斯萨拉姆 基加利 布琼布拉 金沙萨 拉各斯 阿布贾 达喀尔 阿克拉 罗安达 哈拉雷 约翰内斯堡 比勒陀利亚 开普敦 ' +
  '华盛顿 纽约 洛杉矶 芝加哥 旧金山 波士顿 休斯敦 西雅图 费城 亚特兰大 迈阿密 底特律 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 波哥大 加拉加斯 利马 基多 拉巴斯 巴西利亚 里约热内卢 圣保罗 布宜诺斯艾利斯 圣地亚哥 蒙得维的亚 ' +
  '伦敦 巴黎 柏林 波恩 法兰克福 慕尼黑 汉堡 科隆 维也纳 日内瓦 苏黎世 伯尔尼 布鲁塞尔 阿姆斯特丹 海牙 卢森堡 罗马 米兰 马德里 巴塞罗那 里斯本 雅典 哥本哈根 奥斯陆 斯德哥尔摩 赫尔辛基 华沙 布拉格 布拉迪斯拉发 布达佩斯 布加勒斯特 索非亚 贝尔格莱德 萨格勒布 萨拉热窝 地拉那 莫斯科 圣彼得堡 基辅 明斯克 达沃斯 斯特拉斯堡 ' +
  '悉尼 墨尔本 堪培拉 惠灵顿 奥克兰 ' +
  // Korean, Japanese and British cities and regions, Hong Kong districts, US states by their short names, Ukraine's regions.
  '釜山 大邱 光州 仁川 札幌 福冈 神户 广岛 长崎 九州 北海道 冲绳 剑桥 牛津 曼彻斯特 利物浦 爱丁堡 里昂 马赛 威尼斯 休斯顿 ' +
  // Taiwan's districts and townships by their names alone (杨梅, 芦竹, 乌日), where those are no common word
  // or name (not 中和 'neutralise', 淡水 'fresh water', 树林 'woods', 新店 'new shop').
  '中坜 平镇 八德 杨梅 芦竹 大溪 龟山 龙潭 大园 板桥 新庄 芦洲 汐止 莺歌 瑞芳 林口 深坑 石碇 坪林 三芝 贡寮 乌来 ' +
  '北投 士林 内湖 南港 万华 松山 丰原 大里 雾峰 乌日 沙鹿 大甲 潭子 后里 东势 梧栖 神冈 凤山 冈山 旗津 左营 楠梓 苓雅 前镇 小港 鼓山 盐埕 旗山 大寮 仁武 鸟松 路竹 湖内 ' +
  '永康 归仁 麻豆 佳里 新营 善化 安南 学甲 竹北 竹东 湖口 新丰 头份 竹南 苑里 通霄 员林 鹿港 溪湖 斗六 虎尾 西螺 北港 朴子 民雄 东港 恒春 枋寮 罗东 礁溪 头城 苏澳 玉里 凤林 卑南 马公 南竿 北竿 ' +
  '新界 九龙 港岛 旺角 中环 铜锣湾 尖沙咀 湾区 硅谷 加州 德州 佛州 夏威夷 阿拉斯加 密西根 维吉尼亚 伊利诺 麻州 宾州 圣地牙哥 克里米亚 顿巴斯 哈尔科夫 敖德萨 马里乌波尔 赫尔松 扎波罗热 顿涅茨克 卢甘斯克';

// Companies and bodies news names bare, which jieba reads as ordinary words (微软/a, 华为/nz, 宝马/nr).
// Names that are also common words (现代 Hyundai / modern, 大众, 日产, 小米, 联想, 甲骨文) are left out.
const ORGANISATIONS =
  '微软 谷歌 苹果公司 亚马逊 脸书 推特 英特尔 思科 惠普 戴尔 高通 英伟达 特斯拉 波音 空客 通用汽车 丰田 本田 三菱 索尼 松下 东芝 日立 佳能 三星 LG 诺基亚 爱立信 西门子 飞利浦 宝马 奔驰 戴姆勒 雀巢 联合利华 ' +
  '华为 中兴 腾讯 阿里巴巴 百度 京东 字节跳动 美团 网易 新浪 搜狐 海尔 长虹 比亚迪 ' +
  '维基百科 维基解密 油管 优兔 奈飞 优步 沃尔玛 麦德龙 家乐福 宜家 星巴克 麦当劳 肯德基 迪士尼 塔利班 ' +
  '辉瑞 莫德纳 阿斯利康 诺华 赛诺菲 葛兰素史克 默沙东 拜耳 大众汽车 通用电气 埃克森美孚 摩根大通 台积电 鸿海 富士康 ' +
  // Carmakers, makers of electronics, drinks and clothes, oil companies and banks the world over
  // (not 标致 "handsome", nor names people bear too: 高盛 in 吴高盛, 福特, 铃木, 雷诺).
  '克莱斯勒 雪佛兰 沃尔沃 菲亚特 奥迪 保时捷 法拉利 劳斯莱斯 宾利 马自达 斯巴鲁 起亚 雅马哈 摩托罗拉 夏普 富士通 任天堂 ' +
  '可口可乐 百事可乐 耐克 阿迪达斯 欧莱雅 路易威登 爱马仕 香奈儿 达能 迪斯尼 英国石油 壳牌 道达尔 雪佛龙 花旗 汇丰 瑞银 摩根士丹利 德意志银行 巴克莱 ' +
  // China's major steelmakers by their short names (宝钢, 邯钢), and the World Bank's (世行).
  '宝钢 首钢 鞍钢 武钢 包钢 马钢 邯钢 太钢 攀钢 本钢 沙钢 河钢 ' +
  '联合国 欧盟 北约 东盟 世贸组织 世卫组织 世界卫生组织 亚行 世行 世界银行 国际货币基金组织 欧佩克 石油输出国组织 亚太经合组织 上合组织 非盟 阿盟 国际足联 国际原子能机构 联合国教科文组织 红十字会 国际奥委会 奥委会 新华社 路透社 美联社 法新社 塔斯社 共同社 人民日报 环球时报 中央电视台 央视 ' +
  // China's eight democratic parties and the OAU by their short names (民革, 非统: 民盟/n reads as a word).
  '民革 民盟 民建 民进 农工党 致公党 九三学社 台盟 非统 非统组织 ' +
  // Parliaments by their own names (杜马/nr reads as a person).
  '杜马 国家杜马 ' +
  '白宫 五角大楼 克里姆林宫 国务院 国会 参议院 众议院 内阁 议会 人大 全国人大 政协 中共 中共中央 中央军委 外交部 国防部 商务部 财政部 公安部 教育部 北大 清华 ' +
  '卫健委 发改委 国资委 证监会 银保监会 网信办 国台办 港澳办 陆委会 疾控中心 哈佛 彭博 ' +
  // Taiwan's government, parties, universities, hospitals and media by the names its news uses (Simplified
  // here like the rest): jieba's mainland dictionary cuts most of them (卫生/an 福利部/nt).
  '总统府 行政院 立法院 司法院 监察院 卫生福利部 卫福部 疾病管制署 疾管署 食药署 国健署 健保署 中央流行疫情指挥中心 ' +
  '国发会 金管会 农委会 环保署 海巡署 移民署 警政署 中选会 国科会 数位发展部 劳动部 经济部 内政部 交通部 文化部 科技部 ' +
  '法务部 环境部 农业部 数位部 海委会 客委会 原民会 侨委会 退辅会 公平会 通传会 主计总处 调查局 消防署 气象署 中央气象署 中央气象局 消基会 ' +
  '台铁 台湾高铁 台湾铁路 中华邮政 台水 中职 统一狮 乐天桃猿 中信兄弟 味全龙 富邦悍将 台钢雄鹰 ' +
  '国民党 民进党 民众党 时代力量 亲民党 台湾基进 台大 成大 清大 政大 阳明交大 台大医院 荣总 台北荣总 台中荣总 高雄荣总 长庚医院 三军总医院 马偕医院 奇美医院 成大医院 彰化基督教医院 彰基 花莲慈济 ' +
  '中央社 自由时报 联合报 中国时报 苹果日报 联合新闻网 三立 民视 公视 东森 中华电信 台电 中油 长荣航空 中华航空 华航 长荣海运 阳明海运';
const ORGS = new Set(ORGANISATIONS.split(' '));

/** Whether `word` is a company or body news names bare (微软, 华为, 欧盟), whatever jieba's dictionary tags it. */
export function isKnownOrganisation(word: string): boolean {
  return ORGS.has(word);
}

const PLACES = new Set([...COUNTRIES.split(' '), ...PROVINCES.split(' '), ...CITIES.split(' ')]);
const REGIONS = new Set([...COUNTRIES.split(' '), ...PROVINCES.split(' ')]);

/** Whether `word` is a country or a Chinese province (not a city). */
export function isCountryOrProvince(word: string): boolean {
  return REGIONS.has(word);
}

/** Whether `word` is a country or major city (莫斯科, 阿根廷), whatever jieba's dictionary tags it. */
export function isWorldPlace(word: string): boolean {
  return PLACES.has(word);
}

/**
 * The listed organisations as jieba user-dictionary lines ("word freq tag"), so the
 * segmenter keeps them whole where its HMM would glue a neighbour on (而谷歌/x → 而 谷歌).
 */
export function worldDictionary(): string {
  // Places are left to jieba's dictionary: it keeps them whole already, and weighting them cut some names apart (NER eval).
  const lines = [...ORGS].filter((w) => /^\p{Script=Han}{2,}$/u.test(w) && !PLACES.has(w)).map((w) => `${w} 1000 nt`);
  lines.push(...TAIWAN_SPLIT.split(' ').map((w) => `${w} 1000 ns`));
  return lines.join('\n') + '\n';
}

/**
 * The listed place or organisation a longer name starts with (新疆维吾尔自治区人大常委会 → 新疆,
 * 华为技术有限公司 → 华为), as its length and type; null if none. The longest listed head wins.
 */
export function listedHead(name: string): { length: number; type: 'LOC' | 'ORG' } | null {
  for (let n = Math.min(6, name.length - 1); n >= 2; n--) {
    const head = name.slice(0, n);
    if (PLACES.has(head)) return { length: n, type: 'LOC' };
    if (ORGS.has(head)) return { length: n, type: 'ORG' };
  }
  return null;
}
