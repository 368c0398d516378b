"""What the demo's residents and grid workers write: per problem category, descriptions,
each with the kinds of place it fits (``places.KINDS``) and, where it matters for routing,
a tag saying what the description tells beyond the category (night-time building-site noise
is not the police's social noise; a mobile stall selling cooked food is a food case too).

``{place}`` is the place, ``{time}`` when it was seen, ``{n}`` a small number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    kinds: frozenset[str]
    text: str
    tag: str = ""


def _t(kinds: str, text: str, tag: str = "") -> Template:
    return Template(frozenset(kinds.split()), text, tag)


TIMES = ["今天上午", "今天下午", "昨天傍晚", "近几天", "每天早上", "本周以来", "昨晚", "今天中午"]

TEMPLATES: dict[str, tuple[Template, ...]] = {
    "0101": (  # 占道经营
        _t("road shop market", "{place}有流动摊贩占道经营，影响行人通行", "stall"),
        _t("road market", "{time}{place}有{n}个水果摊把摊位摆到了行车道上，车辆通行困难", "stall"),
        _t("shop", "{place}烧烤摊每晚在人行道上摆放桌椅，占道严重，油烟较大"),
        _t("market", "{place}早市摊点越界经营，蔬菜筐堆到马路中间，多次劝说无效", "stall"),
        _t("shop", "{place}一家五金店长期将货物堆放在店外人行道上经营"),
        _t("school market road", "{place}有流动摊贩占道售卖自制熟食，无任何证照", "food"),
    ),
    "0102": (  # 垃圾乱堆乱放
        _t("road square yard public", "{place}有生活垃圾乱堆乱放，已堆积多日，气味难闻"),
        _t("road farm hill", "{time}发现{place}有人倾倒建筑垃圾约{n}车，占用路边空地"),
        _t("flat market square", "{place}垃圾桶满溢未及时清运，周边散落塑料袋和剩菜"),
        _t("ditch", "{place}堆放大量废弃编织袋和农膜，影响排水"),
        _t("road flat yard", "{place}有人将废旧家具、床垫随意丢弃在路边"),
    ),
    "0103": (  # 违法户外广告
        _t("road shop", "{place}新设一块大型广告牌，未见审批手续，固定不牢"),
        _t("shop", "{place}商户在门前私设落地灯箱和广告旗{n}个，占用人行道", "small"),
        _t("shop flat", "{place}楼顶广告牌锈蚀严重，大风天有坠落危险"),
        _t("road", "{time}{place}有人悬挂横幅广告，内容为房产促销，未经批准", "small"),
    ),
    "0104": (  # 人行道违法停车
        _t("road shop", "{place}有{n}辆小轿车长期停在人行道上，行人只能走机动车道"),
        _t("road shop", "{place}盲道被车辆占压，{time}又有货车停放"),
        _t("flat road", "{place}一辆无牌面包车在人行道停放超过一周，疑似僵尸车"),
        _t("school", "{time}{place}接送学生车辆在人行道上乱停，造成拥堵"),
        _t("shop", "{place}有商户在人行道上私设地锁，占作自家车位", "lock"),
    ),
    "0105": (  # 乱贴乱画乱挂
        _t("yard flat public road", "{place}墙面被涂画大量办证电话，影响环境面貌"),
        _t("flat square yard", "{place}有居民在行道树之间拉绳晾晒衣物被褥"),
        _t("shop", "{place}沿街门店在外墙私拉电线悬挂灯串，存在安全隐患"),
        _t("road station", "{place}公交站亭被张贴多张招工广告和寻人启事"),
    ),
    "0201": (  # 违法建设
        _t("yard", "{place}有人未经审批在院内加盖二层砖房，约{n}十平方米"),
        _t("yard road", "{time}发现{place}有人正在搭建彩钢板房，施工人员称无手续"),
        _t("flat", "{place}住户在楼顶私搭阳光房，已基本完工"),
        _t("shop", "{place}商户将门前空地圈占后砌墙搭棚，扩建营业面积"),
        _t("farm", "{place}有人在耕地里搭建彩钢板房，未见任何手续", "farmland"),
    ),
    "0202": (  # 建筑工地扬尘
        _t("site", "{place}土方未覆盖，风大时扬尘严重"),
        _t("site", "{time}{place}渣土车出场未冲洗，周边路面带泥明显", "mud"),
        _t("site", "{place}拆除作业未采取湿法作业，周边居民反映灰尘很大"),
        _t("site", "{place}围挡破损{n}处，裸土直接暴露在外"),
    ),
    "0203": (  # 危房安全隐患
        _t("yard", "{place}一处老旧土坯房墙体开裂明显，仍有老人居住"),
        _t("yard road", "{time}降雨后{place}一处闲置房屋屋顶部分坍塌，紧邻道路"),
        _t("flat", "{place}老楼外墙皮大面积空鼓脱落，楼下是行人通道"),
        _t("yard", "{place}有一间危房门前无警示标志，孩子常在附近玩耍"),
    ),
    "0204": (  # 违规拆改房屋结构
        _t("flat", "{place}有住户装修时拆除承重墙，楼上邻居发现墙面出现裂缝"),
        _t("shop", "{place}底商擅自打通楼板扩建夹层，施工噪声大"),
        _t("flat", "{time}{place}有人在一楼砸墙开门改为商铺"),
        _t("flat", "{place}装修队在阳台外墙开凿大洞，邻居担心楼体安全"),
    ),
    "0301": (  # 违法占用耕地
        _t("farm", "{place}有人在基本农田上堆土硬化，面积约{n}亩"),
        _t("farm", "{place}有人在耕地上新建养殖大棚，未见用地审批"),
        _t("farm", "{time}发现{place}有挖掘机在耕地内挖坑取土"),
        _t("farm", "{place}有农户在承包地上浇筑水泥地面用作停车场"),
        _t("farm", "{place}有人在耕地上建设仓储用房，已砌起围墙"),
    ),
    "0302": (  # 非法采砂
        _t("river", "{place}夜间有人用铲车挖沙，砂坑较深"),
        _t("river", "{time}{place}发现{n}辆无牌自卸车在河滩拉运河沙"),
        _t("river", "{place}河道内有简易筛沙设备，现场堆放大量砂石"),
        _t("river", "{place}有人私自在河岸挖沙，造成堤岸坍塌"),
    ),
    "0303": (  # 非法采矿取土
        _t("hill", "{place}有人私自开采石料，放炮声较大"),
        _t("hill", "{place}荒坡被挖出大坑，疑似非法取土出售"),
        _t("hill", "{time}{place}有挖掘机在山体取土，运土车辆往来频繁"),
        _t("hill", "{place}废弃矿坑又有人进出开采，边坡不稳"),
    ),
    "0304": (  # 农村乱占耕地建房
        _t("farm", "{place}有村民未批先建住宅，占用自家承包耕地"),
        _t("yard", "{place}有人在宅基地外扩建院墙，占用耕地约{n}分"),
        _t("farm", "{time}{place}有人在耕地上打地基准备建房"),
        _t("yard", "{place}新建房屋超出批准面积，侵占邻近农田"),
    ),
    "0401": (  # 露天焚烧
        _t("farm", "{place}有人露天焚烧秸秆，浓烟较大"),
        _t("road yard ditch", "{time}{place}有人焚烧生活垃圾，塑料燃烧气味刺鼻"),
        _t("farm hill", "{place}有{n}处焚烧枯草的火点，靠近林地"),
        _t("factory yard", "{place}有人焚烧废旧轮胎和电线提炼金属，黑烟明显"),
        _t("farm", "{time}发现{place}有人焚烧修剪下的果树枝，无人看管"),
    ),
    "0402": (  # 噪音扰民
        _t("square", "{place}广场舞音响音量过大，晚上十点后仍未停止", "talk"),
        _t("shop market", "{place}有商户门前高音喇叭循环播放促销广告", "talk"),
        _t("flat", "{time}{place}有住户装修持续到深夜，邻居多次反映"),
        _t("shop", "{place}KTV夜间噪声扰民，周边居民无法休息"),
        _t("flat yard", "{place}有人深夜聚会喧哗，已持续{n}天", "talk"),
        _t("site", "{place}夜间施工噪声很大，附近居民无法入睡", "site"),
        _t("site", "{time}{place}深夜浇筑混凝土，机械轰鸣声很大", "site"),
    ),
    "0403": (  # 违法排放污水
        _t("ditch river", "{place}有暗管排放污水，水体发黑发臭"),
        _t("factory ditch", "{time}{place}排水口流出带颜色的废水，疑为附近加工厂排放"),
        _t("shop road", "{place}洗车店污水直排路边雨水井，泡沫较多", "carwash"),
        _t("ditch road", "{place}有罐车向沟渠偷排不明液体，气味刺鼻"),
    ),
    "0404": (  # 畜禽养殖污染
        _t("livestock", "{place}粪污直排入沟，周边臭味明显"),
        _t("livestock road", "{place}有养殖户将鸡粪堆放在路边，苍蝇很多", "small"),
        _t("livestock", "{time}{place}养殖污水漫流进入附近农田"),
        _t("yard", "{place}有{n}户散养家禽，粪便污染公共道路", "small"),
        _t("ditch", "{place}有病死畜禽被丢弃在沟渠中，未做无害化处理"),
    ),
    "0405": (  # 工业废气异味
        _t("factory", "{place}有企业夜间排放废气，有刺鼻气味"),
        _t("factory", "{time}{place}一家工厂烟囱冒黑烟，持续约{n}小时"),
        _t("shop factory", "{place}汽修店喷漆作业未密闭，油漆味飘到附近居民区"),
        _t("factory yard", "{place}有小作坊熔炼废铝，烟气无处理直接排放"),
    ),
    "0501": (  # 无照经营
        _t("shop", "{place}新开一家小超市，未悬挂营业执照"),
        _t("flat yard", "{place}有人在出租房内开设小作坊加工食品，无任何证照"),
        _t("shop market", "{time}{place}有临时门店售卖保健品，未见营业执照"),
        _t("road yard", "{place}有废品收购站无照经营，货物堆放杂乱"),
        _t("yard flat", "{place}有人在自家车库开设修车铺，无证无照"),
    ),
    "0502": (  # 食品安全
        _t("shop", "{place}一家小饭店后厨卫生脏乱，食材直接放在地上"),
        _t("shop", "{time}有群众反映在{place}一家餐馆就餐后{n}人腹泻"),
        _t("school shop", "{place}附近小卖部销售无生产日期的散装零食，学生购买较多"),
        _t("market road", "{place}有流动摊贩售卖自制熟食，无防蝇防尘设施"),
        _t("yard", "{place}有人家办酒席请的厨师未备案，现场卫生条件差"),
    ),
    "0503": (  # 销售过期药品
        _t("shop", "{place}一家药店货架上发现过期感冒药{n}盒"),
        _t("clinic", "{place}存放的部分药品已过有效期"),
        _t("market", "{time}{place}有人摆摊售卖来路不明的药品"),
        _t("shop", "{place}一家药店无执业药师在岗，销售处方药不要求处方"),
    ),
    "0504": (  # 价格欺诈与计量作弊
        _t("market", "{place}菜摊使用的电子秤缺斤少两，群众多次投诉"),
        _t("shop", "{place}一家超市商品标价与结算价格不一致"),
        _t("road", "{time}{place}附近加油站被反映加油量不足", "fuel"),
        _t("road", "{place}附近加油站加油机跳字快，群众怀疑计量作弊", "fuel"),
        _t("shop", "{place}有商户虚构原价搞促销，涉嫌价格欺诈"),
    ),
    "0505": (  # 私屠滥宰
        _t("yard", "{place}有人凌晨在院内私自屠宰生猪，血水外流"),
        _t("yard livestock", "{place}发现私设屠宰点，现场有未经检疫的猪肉"),
        _t("market", "{time}{place}有人宰杀活羊售卖，无检疫证明"),
        _t("livestock", "{place}疑似屠宰病死猪，肉品准备流入集市"),
    ),
    "0506": (  # 销售假冒伪劣农资
        _t("shop market", "{place}一家农资店销售的化肥包装无厂名厂址"),
        _t("farm", "{place}有农户反映购买的种子出苗率极低，怀疑是假种子"),
        _t("road market", "{time}{place}有人开车流动推销农药，无任何票据"),
        _t("shop market", "{place}有农资店销售国家禁用的高毒农药"),
    ),
    "0601": (  # 燃气安全隐患
        _t("flat shop", "{place}闻到明显燃气味，疑似管道泄漏"),
        _t("shop", "{place}一家饭店液化气罐放在后厨灶台旁，无报警装置"),
        _t("road site", "{time}{place}燃气管道被施工挖断，现场有漏气声"),
        _t("yard shop", "{place}有人私自倒灌液化气罐，存在爆炸风险"),
        _t("flat", "{place}居民楼外燃气管道锈蚀严重，固定卡件脱落"),
    ),
    "0602": (  # 小场所消防隐患
        _t("shop", "{place}一家小超市店内住人，电动车在室内充电"),
        _t("shop", "{place}一家网吧安全出口被杂物堵塞，灭火器过期"),
        _t("shop", "{time}{place}沿街门店私拉电线，插座串接{n}个"),
        _t("yard factory", "{place}有小作坊与住人场所未分隔，易燃物堆放较多"),
        _t("flat", "{place}楼道内堆放纸箱杂物，堵塞消防通道", "corridor"),
    ),
    "0603": (  # 企业安全生产隐患
        _t("factory", "{place}有加工企业员工操作机床未佩戴防护用品"),
        _t("factory", "{place}一家企业车间内粉尘积聚较厚，有爆炸隐患"),
        _t("factory", "{time}{place}厂区内有人无证进行电焊作业"),
        _t("factory", "{place}有企业有限空间作业无人监护，无通风设备"),
    ),
    "0604": (  # 违规储存危化品和烟花爆竹
        _t("yard", "{place}有民房内存放大量烟花爆竹，疑似非法储存"),
        _t("road", "{time}{place}有人用面包车运输油漆稀释剂等危化品"),
        _t("factory", "{place}一处仓库内存放{n}桶汽油，无任何防护措施"),
        _t("shop", "{place}有小卖部违规销售散装汽油"),
    ),
    "0701": (  # 道路破损
        _t("road", "{place}路面出现坑槽，直径约一米，夜间行车危险", "small"),
        _t("road", "{place}道路塌陷{n}处，已有电动车摔倒"),
        _t("road", "{time}雨后{place}路面积水冲毁路基，一侧路肩塌方"),
        _t("bridge", "{place}护栏损坏，缺失约{n}米"),
        _t("road flat", "{place}井盖缺失，仅用树枝遮挡，非常危险", "small"),
    ),
    "0702": (  # 无证校车和非法营运
        _t("school", "{place}有面包车接送学生，车内乘坐{n}个孩子，明显超员"),
        _t("station road", "{time}{place}有无营运资质的车辆拉客跑长途"),
        _t("school", "{place}有三轮车每天接送幼儿园孩子，无任何安全设施"),
        _t("station", "{place}有私家车在站点揽客，与客运车辆争抢乘客"),
    ),
    "0703": (  # 货车超限超载
        _t("road", "{place}有重载货车频繁通行，道路被压出车辙"),
        _t("road", "{time}{place}发现{n}辆满载石料的货车，严重超高"),
        _t("bridge", "{place}有重型货车通过限载桥梁，桥面已有裂纹"),
        _t("road", "{place}夜间大量超载渣土车经过，噪声大且掉落土块"),
    ),
    "0704": (  # 道路遗撒
        _t("road", "{place}运输车辆沿途遗撒砂石，路面打滑"),
        _t("road", "{time}{place}路面有大片油污，疑似车辆漏油"),
        _t("road", "{place}渣土车未苫盖，泥土散落约{n}十米"),
        _t("road", "{place}运输玉米的车辆掉落秸秆，堆在路中间"),
    ),
    "0801": (  # 邻里纠纷
        _t("yard", "{place}两户村民因排水问题发生争吵，要求村里调解"),
        _t("flat", "{place}楼上漏水导致楼下屋顶发霉，双方协商不成"),
        _t("yard", "{time}{place}两户邻居因宅前通道归属发生口角"),
        _t("flat yard", "{place}有住户饲养的狗多次咬人，邻居意见很大"),
        _t("yard", "{place}两家因院墙树木遮挡采光产生矛盾，已持续{n}个月"),
    ),
    "0802": (  # 土地宅基地纠纷
        _t("yard", "{place}兄弟间因老宅继承分割发生纠纷"),
        _t("farm", "{place}两户村民对承包地边界有争议，互相毁苗"),
        _t("yard", "{time}{place}有村民因宅基地四至问题阻挠邻居施工"),
        _t("farm", "{place}土地流转租金未按期支付，农户要求解除合同"),
    ),
    "0803": (  # 聚众赌博
        _t("shop yard", "{place}有人聚众打麻将赌博，每晚人员较多"),
        _t("flat yard", "{time}{place}出租屋内有人聚集赌博，有人放哨"),
        _t("shop", "{place}一家棋牌室疑似以麻将为名组织赌博，赌资较大"),
        _t("factory", "{place}有{n}名外来人员在空厂房内赌博"),
    ),
    "0804": (  # 电信诈骗预警
        _t("flat yard", "{place}有老人接到冒充公检法的电话，正准备去银行转账"),
        _t("flat yard", "{time}{place}有居民被拉入刷单群，已转账{n}千元"),
        _t("market square", "{place}有人以免费送鸡蛋为名推销保健品"),
        _t("flat yard", "{place}有居民反映收到冒充快递客服的退款电话"),
    ),
    "0805": (  # 劳资纠纷
        _t("site", "{place}有{n}名工人反映被拖欠工资，情绪激动"),
        _t("site", "{time}{place}工人聚集在项目部门口讨薪"),
        _t("factory", "{place}一家企业停产后未结算员工工资，老板联系不上"),
        _t("site factory", "{place}有务工人员受伤后与雇主就赔偿问题协商不成"),
    ),
    "0901": (  # 非法行医
        _t("yard flat", "{place}有人无证开设诊所，给附近居民输液"),
        _t("market", "{time}{place}有游医摆摊看病开药"),
        _t("shop", "{place}一家美容店开展注射美容项目，无医疗资质"),
        _t("yard flat", "{place}有人以祖传秘方为名治病，收费较高"),
    ),
    "0902": (  # 公共场所卫生
        _t("shop", "{place}一家理发店毛巾不消毒，反复使用"),
        _t("shop", "{place}一家浴池水质浑浊，更衣室卫生差"),
        _t("shop", "{time}{place}一家小旅馆床单被罩未更换，有顾客投诉"),
        _t("shop", "{place}一家足疗店从业人员无健康证"),
    ),
    "0903": (  # 生活饮用水卫生
        _t("flat yard", "{place}自来水发黄有异味，已持续{n}天"),
        _t("flat yard", "{time}{place}多户居民反映自来水浑浊有沉淀"),
        _t("flat", "{place}二次供水水箱盖板破损，有杂物落入"),
        _t("well", "{place}无消毒设施，水质无检测记录"),
    ),
    "1001": (  # 农药违规使用
        _t("farm", "{place}有人在大棚内使用禁用高毒农药"),
        _t("farm ditch", "{time}{place}有人喷药后将药瓶随意丢弃在水渠边"),
        _t("farm", "{place}有农户在临近采收期的韭菜上喷洒农药"),
        _t("farm", "{place}有人使用无人机喷药，药雾飘到邻近养蜂场"),
    ),
    "1002": (  # 供水设施损坏
        _t("road", "{place}供水管道破裂，路面大量冒水"),
        _t("flat yard", "{time}{place}停水超过{n}小时，未收到停水通知"),
        _t("road", "{place}消火栓被车辆撞坏，水喷涌而出"),
        _t("well", "{place}井房损坏，水泵被盗，影响灌溉和饮水", "small"),
        _t("road yard", "{place}供水阀门井盖缺失，存在安全隐患", "small"),
    ),
    "1003": (  # 侵占河道与河道垃圾
        _t("river", "{place}堆放大量生活垃圾和建筑垃圾", "litter"),
        _t("river", "{place}有人在河滩上种植农作物并搭建窝棚"),
        _t("river", "{time}{place}有人设置拦网，影响行洪"),
        _t("river", "{place}有人倾倒渣土，河道变窄"),
        _t("river", "{place}河面漂浮大量塑料瓶和杂草", "litter"),
    ),
    "1004": (  # 非法捕捞
        _t("river", "{place}有人电鱼，水面漂浮死鱼"),
        _t("reservoir", "{time}{place}有人使用绝户网捕鱼"),
        _t("river reservoir", "{place}禁渔期内有{n}人撒网捕捞"),
        _t("reservoir", "{place}有人投放药物毒鱼"),
    ),
    "1005": (  # 动物防疫
        _t("livestock", "{place}养殖户发现{n}头猪陆续死亡，原因不明"),
        _t("market road", "{place}有人从外地贩运活禽，无检疫证明"),
        _t("yard", "{time}{place}散养犬只未接种狂犬疫苗，有人被咬伤"),
        _t("livestock yard", "{place}有养羊户的羊出现发热跛行症状"),
    ),
}
