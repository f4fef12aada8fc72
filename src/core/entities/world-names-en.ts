/**
 * English names of well-known countries, regions, cities, companies and bodies, keyed by their
 * Simplified Chinese name, so an English sentence (Google, Xinjiang, State Council) counts for the
 * entity the Chinese text names (谷歌, 新疆, 国务院) and /who answers either spelling. General
 * knowledge, like world-places.ts, not taken from any evaluation set. Only names that mean one
 * thing when capitalised are listed: Apple, Amazon, Tesla, Georgia, Jordan or Chad are left out.
 */
import { foldKey } from './fold.ts';

const PLACE_ENTRIES = `
阿富汗:Afghanistan 阿尔巴尼亚:Albania 阿尔及利亚:Algeria 安哥拉:Angola 阿根廷:Argentina 亚美尼亚:Armenia 澳大利亚:Australia 奥地利:Austria 阿塞拜疆:Azerbaijan
孟加拉国:Bangladesh 白俄罗斯:Belarus 比利时:Belgium 不丹:Bhutan 玻利维亚:Bolivia 巴西:Brazil 文莱:Brunei 保加利亚:Bulgaria 柬埔寨:Cambodia 喀麦隆:Cameroon 加拿大:Canada
智利:Chile 哥伦比亚:Colombia 克罗地亚:Croatia 古巴:Cuba 塞浦路斯:Cyprus 捷克:Czech Republic/Czechia 丹麦:Denmark 厄瓜多尔:Ecuador 埃及:Egypt 爱沙尼亚:Estonia 埃塞俄比亚:Ethiopia
芬兰:Finland 法国:France 德国:Germany 加纳:Ghana 希腊:Greece 危地马拉:Guatemala 海地:Haiti 洪都拉斯:Honduras 匈牙利:Hungary 冰岛:Iceland 印度:India 印度尼西亚:Indonesia 印尼:Indonesia
伊朗:Iran 伊拉克:Iraq 爱尔兰:Ireland 以色列:Israel 意大利:Italy 日本:Japan 哈萨克斯坦:Kazakhstan 肯尼亚:Kenya 科威特:Kuwait 吉尔吉斯斯坦:Kyrgyzstan 老挝:Laos 拉脱维亚:Latvia
黎巴嫩:Lebanon 利比亚:Libya 立陶宛:Lithuania 卢森堡:Luxembourg 马来西亚:Malaysia 马尔代夫:Maldives 墨西哥:Mexico 摩尔多瓦:Moldova 蒙古:Mongolia 摩洛哥:Morocco 莫桑比克:Mozambique
缅甸:Myanmar/Burma 尼泊尔:Nepal 荷兰:Netherlands 新西兰:New Zealand 尼加拉瓜:Nicaragua 尼日利亚:Nigeria 挪威:Norway 阿曼:Oman 巴基斯坦:Pakistan 巴勒斯坦:Palestine 巴拿马:Panama
巴拉圭:Paraguay 秘鲁:Peru 菲律宾:Philippines 波兰:Poland 葡萄牙:Portugal 卡塔尔:Qatar 罗马尼亚:Romania 俄罗斯:Russia 卢旺达:Rwanda 沙特阿拉伯:Saudi Arabia 沙特:Saudi Arabia
塞尔维亚:Serbia 新加坡:Singapore 斯洛伐克:Slovakia 斯洛文尼亚:Slovenia 索马里:Somalia 南非:South Africa 西班牙:Spain 斯里兰卡:Sri Lanka 苏丹:Sudan 瑞典:Sweden 瑞士:Switzerland
叙利亚:Syria 塔吉克斯坦:Tajikistan 坦桑尼亚:Tanzania 泰国:Thailand 突尼斯:Tunisia 土库曼斯坦:Turkmenistan 乌干达:Uganda 乌克兰:Ukraine 阿联酋:United Arab Emirates/UAE 英国:Britain/United Kingdom
美国:United States 乌拉圭:Uruguay 乌兹别克斯坦:Uzbekistan 委内瑞拉:Venezuela 越南:Vietnam 也门:Yemen 赞比亚:Zambia 津巴布韦:Zimbabwe 朝鲜:North Korea 韩国:South Korea 梵蒂冈:Vatican
科索沃:Kosovo 中国:China 中华人民共和国:People’s Republic of China 苏联:Soviet Union
北京:Beijing/Peking 上海:Shanghai 天津:Tianjin 重庆:Chongqing 香港:Hong Kong 澳门:Macau/Macao 台湾:Taiwan 台北:Taipei 高雄:Kaohsiung 台中:Taichung 台南:Tainan 新竹:Hsinchu
河北:Hebei 山西:Shanxi 辽宁:Liaoning 吉林:Jilin 黑龙江:Heilongjiang 江苏:Jiangsu 浙江:Zhejiang 安徽:Anhui 福建:Fujian 江西:Jiangxi 山东:Shandong 河南:Henan 湖北:Hubei 湖南:Hunan
广东:Guangdong 海南:Hainan 四川:Sichuan 贵州:Guizhou 云南:Yunnan 陕西:Shaanxi 甘肃:Gansu 青海:Qinghai 内蒙古:Inner Mongolia 广西:Guangxi 西藏:Tibet 宁夏:Ningxia 新疆:Xinjiang
拉萨:Lhasa 乌鲁木齐:Urumqi 喀什:Kashgar 呼和浩特:Hohhot 哈尔滨:Harbin 长春:Changchun 沈阳:Shenyang 大连:Dalian 太原:Taiyuan 济南:Jinan 青岛:Qingdao 郑州:Zhengzhou 南京:Nanjing
苏州:Suzhou 杭州:Hangzhou 宁波:Ningbo 温州:Wenzhou 合肥:Hefei 福州:Fuzhou 厦门:Xiamen 南昌:Nanchang 武汉:Wuhan 长沙:Changsha 广州:Guangzhou/Canton 深圳:Shenzhen 珠海:Zhuhai
南宁:Nanning 海口:Haikou 成都:Chengdu 贵阳:Guiyang 昆明:Kunming 西安:Xi’an 兰州:Lanzhou 西宁:Xining 银川:Yinchuan 石家庄:Shijiazhuang
东京:Tokyo 大阪:Osaka 京都:Kyoto 首尔:Seoul 平壤:Pyongyang 新德里:New Delhi 孟买:Mumbai 伊斯兰堡:Islamabad 喀布尔:Kabul 德黑兰:Tehran 巴格达:Baghdad 大马士革:Damascus
贝鲁特:Beirut 耶路撒冷:Jerusalem 特拉维夫:Tel Aviv 加沙:Gaza 利雅得:Riyadh 迪拜:Dubai 多哈:Doha 安卡拉:Ankara 伊斯坦布尔:Istanbul 河内:Hanoi 胡志明市:Ho Chi Minh City
曼谷:Bangkok 仰光:Yangon/Rangoon 吉隆坡:Kuala Lumpur 雅加达:Jakarta 马尼拉:Manila 开罗:Cairo 内罗毕:Nairobi 约翰内斯堡:Johannesburg 华盛顿:Washington 纽约:New York
洛杉矶:Los Angeles 芝加哥:Chicago 旧金山:San Francisco 波士顿:Boston 西雅图:Seattle 渥太华:Ottawa 多伦多:Toronto 温哥华:Vancouver 伦敦:London 巴黎:Paris 柏林:Berlin
法兰克福:Frankfurt 慕尼黑:Munich 维也纳:Vienna 日内瓦:Geneva 苏黎世:Zurich 布鲁塞尔:Brussels 阿姆斯特丹:Amsterdam 罗马:Rome 马德里:Madrid 莫斯科:Moscow 基辅:Kyiv/Kiev
悉尼:Sydney 墨尔本:Melbourne 堪培拉:Canberra
澳洲:Australia 纽西兰:New Zealand 义大利:Italy 沙乌地阿拉伯:Saudi Arabia 寮国:Laos 星加坡:Singapore 纽约市:New York
`;

const ORG_ENTRIES = `
微软:Microsoft 谷歌:Google 脸书:Facebook 推特:Twitter 英特尔:Intel 思科:Cisco 高通:Qualcomm 英伟达:Nvidia 波音:Boeing 空客:Airbus 丰田:Toyota 索尼:Sony
三星:Samsung 诺基亚:Nokia 爱立信:Ericsson 西门子:Siemens 雀巢:Nestlé 华为:Huawei 中兴:ZTE 腾讯:Tencent 阿里巴巴:Alibaba 百度:Baidu 京东:JD.com 字节跳动:ByteDance 美团:Meituan
辉瑞:Pfizer 莫德纳:Moderna 阿斯利康:AstraZeneca 诺华:Novartis 罗氏:Roche 赛诺菲:Sanofi 葛兰素史克:GlaxoSmithKline/GSK 默沙东:Merck 拜耳:Bayer
大众汽车:Volkswagen 通用电气:General Electric 埃克森美孚:ExxonMobil 高盛:Goldman Sachs 摩根大通:JPMorgan 花旗:Citigroup 汇丰:HSBC 台积电:TSMC 鸿海:Hon Hai 富士康:Foxconn
网易:NetEase 新浪:Sina 搜狐:Sohu 比亚迪:BYD 联想:Lenovo 小米:Xiaomi 优步:Uber 奈飞:Netflix 维基百科:Wikipedia 维基解密:WikiLeaks 油管:YouTube 优兔:YouTube
联合国:United Nations 欧盟:European Union 北约:NATO 东盟:ASEAN 世界银行:World Bank 国际货币基金组织:International Monetary Fund/IMF 世界卫生组织:World Health Organization
世卫组织:World Health Organization 世贸组织:World Trade Organization 红十字会:Red Cross 国际奥委会:International Olympic Committee 新华社:Xinhua 路透社:Reuters 美联社:Associated Press
法新社:Agence France-Presse 人民日报:People’s Daily 环球时报:Global Times 中央电视台:China Central Television/CCTV
五角大楼:Pentagon 克里姆林宫:Kremlin 白宫:White House 美国国务院:State Department/US State Department
`;

// Bodies of the People's Republic that no other country names so: 中国 or 中华人民共和国 in front
// adds nothing (中国国务院 is 国务院), while 美国国务院 is another body (the State Department).
const PRC_BODY_ENTRIES = `
国务院:State Council 公安部:Ministry of Public Security 国家安全部:Ministry of State Security 国安部:Ministry of State Security
中宣部:Central Propaganda Department/Central Publicity Department 中央宣传部:Central Propaganda Department 中央军委:Central Military Commission
全国人大:National People’s Congress 全国人民代表大会:National People’s Congress 全国政协:Chinese People’s Political Consultative Conference/CPPCC
中纪委:Central Commission for Discipline Inspection 中央纪委:Central Commission for Discipline Inspection 国台办:Taiwan Affairs Office
国务院台湾事务办公室:Taiwan Affairs Office 网信办:Cyberspace Administration of China 国家互联网信息办公室:Cyberspace Administration of China
国家网信办:Cyberspace Administration of China 最高人民法院:Supreme People’s Court 最高人民检察院:Supreme People’s Procuratorate
发改委:National Development and Reform Commission 国家发改委:National Development and Reform Commission 统战部:United Front Work Department
中央统战部:United Front Work Department 中央政治局:Politburo 中央政法委:Central Political and Legal Affairs Commission 国家统计局:National Bureau of Statistics
`;

/** A listed name: its Chinese name and whether it is a place or an organisation. */
export interface ListedName {
  zh: string;
  type: 'LOC' | 'ORG';
}

const byZh = new Map<string, string[]>();
const byLatin = new Map<string, ListedName>();
const byFolded = new Map<string, ListedName>();
const prcBodies = new Set<string>();
const PRC_PREFIXES = ['中华人民共和国', '中国', '中共中央', '中共'];
for (const [text, type] of [[PLACE_ENTRIES, 'LOC'], [ORG_ENTRIES, 'ORG'], [PRC_BODY_ENTRIES, 'ORG']] as const) {
  for (const entry of text.trim().split(/\s+(?=\p{Script=Han}+:)/u)) {
    const [zh, names] = entry.split(':');
    if (text === PRC_BODY_ENTRIES) prcBodies.add(zh);
    const list = names.trim().split('/');
    byZh.set(zh, list);
    for (const n of list) {
      // The first Chinese name listed for an English one is the entity's; later ones are its variants (澳洲 of 澳大利亚).
      if (!byLatin.has(n)) byLatin.set(n, { zh, type });
      if (!byFolded.has(foldKey(n))) byFolded.set(foldKey(n), { zh, type });
    }
  }
}

/**
 * The Chinese name a listed variant stands for (澳洲 → 澳大利亚, 优兔 → 油管: the first listed with
 * the same English name; 中国国务院 → 国务院), so one entity collects both; any other name as given.
 */
export function canonicalChineseName(zh: string): string {
  // The PRC's own bodies under the country's name (中国国务院, 中华人民共和国国务院, 中共中央宣传部).
  const prefix = PRC_PREFIXES.find((p) => zh.startsWith(p) && prcBodies.has(zh.slice(p.length)));
  if (prefix) zh = zh.slice(prefix.length);
  const en = byZh.get(zh)?.[0];
  return (en && byLatin.get(en)?.zh) || zh;
}

/** The English names of a listed Chinese name (谷歌 → Google), or none. */
export function englishNamesOf(zh: string): readonly string[] {
  return byZh.get(zh) ?? [];
}

/** What a listed English name written in a text stands for (Google → 谷歌), compared exactly (case matters). */
export function listedByEnglish(latin: string): ListedName | undefined {
  return byLatin.get(latin);
}

/** What a typed English name stands for, in any case and spacing (google, state council). */
export function listedByQuery(query: string): ListedName | undefined {
  return byFolded.get(foldKey(query));
}

/** All listed English names, longest first (the text scan tries longer names first). */
export function listedEnglishNames(): string[] {
  return [...byLatin.keys()].sort((a, b) => b.length - a.length);
}
