"""How often each problem comes up in the demo township, in which season, who finds it, and
how the office routes it when the lists' suggestion is not what the case needs.

The weights follow what township offices report: rubbish, street stalls, fly-posting and
burning are most of the daily work and the township handles them itself (镇街自行处置);
stationed units (X) take the enforcement work; district departments (Y) are called for what
the grassroots cannot solve, and that is the smaller share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.model import CaseSource

# Month factors, January first. Seasons as a township sees them in northern China.
EVEN = (1.0,) * 12
SUMMER = (
    0.6,
    0.6,
    0.8,
    0.9,
    1.2,
    1.5,
    1.6,
    1.5,
    1.2,
    1.0,
    0.8,
    0.6,
)  # stalls, noise, night markets
BUILDING = (0.4, 0.5, 1.3, 1.5, 1.4, 1.0, 0.8, 0.8, 1.3, 1.5, 1.2, 0.5)  # spring and autumn works
HARVEST = (0.5, 0.6, 1.2, 1.4, 0.8, 1.8, 0.6, 0.6, 1.0, 2.2, 1.8, 0.7)  # straw after wheat and corn
HEATING = (1.7, 1.5, 1.1, 0.8, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.4, 1.7)  # gas and stoves in winter
FESTIVAL = (2.6, 2.2, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.9, 1.6)  # fireworks before 春节
RAINS = (0.6, 0.6, 0.7, 0.8, 1.0, 1.3, 1.9, 1.8, 1.1, 0.9, 0.7, 0.6)  # washed-out roads, rivers
FISHING = (0.5, 0.5, 0.8, 1.0, 1.7, 1.8, 1.8, 1.5, 0.9, 0.7, 0.5, 0.5)  # the summer fishing ban
FARMING = (0.5, 0.6, 1.4, 1.6, 1.4, 1.2, 1.0, 1.0, 1.0, 1.0, 0.8, 0.5)  # spraying, seed, land
HOT = (0.7, 0.7, 0.8, 0.9, 1.1, 1.4, 1.6, 1.6, 1.2, 0.9, 0.8, 0.7)  # food, water, smells

SELF, X, Y = "ONE", "X", "Y"


@dataclass(frozen=True)
class Alternative:
    """Routing other than the lists' suggestion, for a share of the cases: with the reason
    the clerk gives (kept in the triage event for the override report). ``tags``: only for
    descriptions with one of these tags (``texts.Template.tag``); empty: for any."""

    share: float
    route: str
    unit: str
    reason: str
    tags: frozenset[str] = frozenset()


def _alt(share: float, route: str, unit: str, reason: str, tags: str = "") -> Alternative:
    return Alternative(share, route, unit, reason, frozenset(tags.split()))


@dataclass(frozen=True)
class Profile:
    weight: int  # cases per thousand, in an average month
    season: tuple[float, ...] = EVEN
    hidden: bool = False  # not seen on patrol: residents phone or come in about it
    alternatives: tuple[Alternative, ...] = field(default=())


PROFILES: dict[str, Profile] = {
    "0101": Profile(
        100,
        SUMMER,
        alternatives=(
            _alt(0.45, SELF, "ZHB", "流动摊贩由镇综合执法办工作人员现场劝离，无需派遣", "stall"),
            _alt(0.6, X, "SCJG", "占道摊贩无照经营熟食，先由市场监管所查处", "food"),
        ),
    ),
    "0102": Profile(205, SUMMER),
    "0103": Profile(
        30,
        EVEN,
        alternatives=(_alt(0.5, SELF, "ZHB", "门前广告旗、横幅由镇环卫人员现场清除", "small"),),
    ),
    "0104": Profile(
        50,
        EVEN,
        alternatives=(
            _alt(0.6, X, "ZFZD", "车辆占用人行道并私设地锁，由执法中队一并清理", "lock"),
        ),
    ),
    "0105": Profile(105, EVEN),
    "0201": Profile(
        38,
        BUILDING,
        alternatives=(
            _alt(0.6, X, "ZRZY", "违建占用的是耕地，按农村乱占耕地由自然资源所查处", "farmland"),
        ),
    ),
    "0202": Profile(
        11,
        BUILDING,
        alternatives=(_alt(0.5, X, "ZFZD", "渣土车带泥上路由执法中队先行查处", "mud"),),
    ),
    "0203": Profile(6, RAINS),
    "0204": Profile(3, BUILDING, hidden=True),
    "0301": Profile(17, FARMING),
    "0302": Profile(3, EVEN),
    "0303": Profile(6, BUILDING),
    "0304": Profile(11, BUILDING),
    "0401": Profile(70, HARVEST),
    "0402": Profile(
        42,
        SUMMER,
        hidden=True,
        alternatives=(
            _alt(0.5, SELF, "ZHB", "广场舞、喇叭、聚会噪声由镇村工作人员上门劝导", "talk"),
            _alt(0.15, X, "ZFZD", "噪声来自建筑工地夜间施工，按建筑施工噪声由执法中队查处", "site"),
        ),
    ),
    "0403": Profile(
        7,
        HOT,
        alternatives=(_alt(0.5, X, "ZFZD", "洗车店污水直排雨水井由执法中队查处", "carwash"),),
    ),
    "0404": Profile(
        8,
        HOT,
        alternatives=(
            _alt(0.6, SELF, "ZHB", "散养户粪污由村两委督促清理，无需区农业农村局到场", "small"),
        ),
    ),
    "0405": Profile(5, EVEN, hidden=True),
    "0501": Profile(20, EVEN),
    "0502": Profile(18, HOT, hidden=True),
    "0503": Profile(4, EVEN, hidden=True),
    "0504": Profile(11, EVEN, hidden=True),
    "0505": Profile(2, FESTIVAL, hidden=True),
    "0506": Profile(5, FARMING, hidden=True),
    "0601": Profile(4, HEATING),
    "0602": Profile(
        20,
        HEATING,
        alternatives=(
            _alt(0.6, SELF, "ZHB", "楼道堆物由社区和物业督促清理，无需派出所处置", "corridor"),
        ),
    ),
    "0603": Profile(4, EVEN, hidden=True),
    "0604": Profile(2, FESTIVAL, hidden=True),
    "0701": Profile(
        16,
        RAINS,
        alternatives=(
            _alt(
                0.7,
                SELF,
                "ZHB",
                "小面积坑槽、井盖由镇村公路养护队修补，无需区交通运输局到场",
                "small",
            ),
        ),
    ),
    "0702": Profile(3, EVEN, hidden=True),
    "0703": Profile(4, BUILDING),
    "0704": Profile(
        17,
        HARVEST,
        alternatives=(_alt(0.4, SELF, "ZHB", "路面遗撒由镇环卫队清扫，肇事车辆另行查找"),),
    ),
    "0801": Profile(
        38,
        EVEN,
        hidden=True,
        alternatives=(
            _alt(0.45, SELF, "ZHB", "一般邻里矛盾由村（社区）调委会和综合执法办先行调解"),
        ),
    ),
    "0802": Profile(11, FARMING, hidden=True),
    "0803": Profile(5, FESTIVAL, hidden=True),
    "0804": Profile(6, EVEN, hidden=True),
    "0805": Profile(11, FESTIVAL, hidden=True),
    "0901": Profile(2, EVEN, hidden=True),
    "0902": Profile(3, EVEN, hidden=True),
    "0903": Profile(3, HOT, hidden=True),
    "1001": Profile(3, FARMING),
    "1002": Profile(
        7,
        HEATING,
        alternatives=(_alt(0.6, SELF, "ZHB", "村内供水管线、阀门井由镇供水站维修", "small"),),
    ),
    "1003": Profile(
        14,
        RAINS,
        alternatives=(
            _alt(0.85, SELF, "ZHB", "河道漂浮和岸边垃圾由镇河道保洁员打捞清理", "litter"),
        ),
    ),
    "1004": Profile(3, FISHING),
    "1005": Profile(3, EVEN, hidden=True),
}

# Who finds a problem: a grid worker on patrol, a resident on the hotline or at the office,
# a superior's referral, another authority's transfer letter, a joint patrol.
SOURCES_SEEN = {
    CaseSource.PATROL: 60,
    CaseSource.HOTLINE: 17,
    CaseSource.VISIT: 4,
    CaseSource.REFERRAL: 8,
    CaseSource.JOINT_PATROL: 8,
    CaseSource.TRANSFER: 3,
}
SOURCES_HIDDEN = {
    CaseSource.PATROL: 20,
    CaseSource.HOTLINE: 46,
    CaseSource.VISIT: 14,
    CaseSource.REFERRAL: 10,
    CaseSource.JOINT_PATROL: 6,
    CaseSource.TRANSFER: 4,
}

# Why the office calls a district department (呼叫区直部门): what the grassroots cannot do.
CALL_REASONS: dict[str, tuple[str, ...]] = {
    "0202": (
        "工地扬尘防治属住建部门监管，需区住建局到场责令施工单位整改",
        "施工单位拒不整改，需区住建局依法查处并核查施工许可",
    ),
    "0203": (
        "需区住建局组织房屋安全鉴定，确定是否需要撤离住户",
        "房屋有坍塌危险，需区住建局到场评估并设置警戒",
    ),
    "0204": (
        "拆改承重结构需区住建局现场查勘，认定对房屋结构安全的影响",
        "需区住建局责令停止施工并委托房屋安全鉴定",
    ),
    "0302": (
        "河道采砂属水行政执法，需区水务局到场查处并核定采砂量",
        "采砂车辆和设备需区水务局依法扣押，镇里无扣押权限",
    ),
    "0403": (
        "需区生态环境部门到场采样监测，查明排污单位",
        "排放的废水来源不明，需生态环境部门取证认定",
    ),
    "0404": (
        "规模养殖场粪污处理需区农业农村局核查粪污处理设施",
        "需区农业农村局到场认定养殖污染并责令整改",
    ),
    "0405": (
        "需生态环境部门携带检测设备到场监测废气排放",
        "企业排放是否超标需生态环境部门监测认定",
    ),
    "0505": (
        "需区农业农村局动物卫生监督人员到场查封肉品并抽样检疫",
        "私屠滥宰需区农业农村局立案查处，镇里无检疫和处罚权限",
    ),
    "0601": (
        "疑似燃气泄漏，需区住建局会同燃气企业立即到场排险",
        "燃气设施隐患需燃气主管部门组织燃气企业整改",
    ),
    "0603": (
        "企业存在重大事故隐患，需区应急管理局执法人员现场检查",
        "需区应急管理局责令企业停产整改并依法查处",
    ),
    "0604": (
        "非法储存危化品和烟花爆竹需区应急管理局现场认定并依法处置",
        "涉及危险物品，需区应急管理局组织专业人员转移",
    ),
    "0701": (
        "县乡公路路面损毁需区交通运输局公路养护部门到场修复",
        "路基塌方需区交通运输局设置警示并组织抢修",
    ),
    "0702": (
        "非法营运需区交通运输局运政执法人员到场查处",
        "涉及学生接送安全，需区交通运输局会同交警依法查处",
    ),
    "0703": (
        "超限运输需区交通运输局治超人员到场检测称重",
        "需区交通运输局对超限车辆依法处理并追查源头企业",
    ),
    "0901": (
        "非法行医需区卫生健康局卫生监督人员到场取证查处",
        "需区卫生健康局认定行医资质并依法取缔",
    ),
    "0902": (
        "公共场所卫生需区卫生监督所到场检查卫生许可和从业人员健康证",
        "需区卫生健康局对经营场所卫生状况抽样检测",
    ),
    "0903": (
        "饮用水水质异常需区卫生健康局组织采样检测",
        "需区卫生健康局会同供水单位查明污染原因",
    ),
    "1001": (
        "禁用农药需区农业农村局农业执法人员现场抽样检测",
        "需区农业农村局查明农药来源并依法处理",
    ),
    "1002": (
        "供水主管网破裂，需区水务局组织供水企业到场抢修",
        "影响多个村的供水，需区水务局协调应急供水",
    ),
    "1003": (
        "河道管理范围内违法占用需区水务局水政监察到场认定",
        "影响行洪安全，需区水务局依法责令限期清除",
    ),
    "1004": (
        "非法捕捞需区农业农村局渔政执法人员到场查处",
        "需区农业农村局渔政人员收缴渔具并依法处理",
    ),
    "1005": (
        "不明原因死亡，需区动物疫病预防控制中心到场采样诊断",
        "涉嫌动物疫情，需区农业农村局依法处置并开展流行病学调查",
    ),
}
