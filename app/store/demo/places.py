"""Where the demo's problems happen: the places of each grid, each of a kind (a road, a
square, farmland, a river bank …), and where on the map each grid and place lies.

A description joins a problem to a place, so the place must be one where that problem can
happen: sand is dug in a river, not at a market, and a community of flats has no farmland.
Each template of ``texts`` names the kinds of place it fits; a case is put at a place of
one of those kinds, in the grid that place belongs to.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

# The kinds of place a description can need.
KINDS = frozenset(
    {
        "road",  # a road, a junction, a provincial or county road
        "bridge",
        "square",  # a village or community square
        "shop",  # shops along a street, a business street, a night market
        "market",  # a farmers' market, a fair (大集)
        "school",  # at a school or kindergarten gate
        "clinic",  # a village clinic, the health centre
        "public",  # a village committee, a service centre, a community office
        "station",  # the bus station
        "yard",  # village houses with their yards
        "flat",  # blocks of flats
        "site",  # a building site, a demolition area
        "factory",  # a workshop, a factory, the industrial park, a logistics park
        "farm",  # fields, greenhouses, orchards
        "hill",  # hillsides, old quarries and sand pits
        "river",  # a river bank, a river beach
        "reservoir",  # a reservoir or pond
        "ditch",  # a drainage ditch or canal
        "livestock",  # a pig, chicken or cattle farm
        "well",  # a village well or water point
    }
)

# grid code -> (kind, place). Town-wide places (the S203, the middle school, the fair) sit
# in the grid they lie in.
PLACES: dict[str, tuple[tuple[str, str], ...]] = {
    "G01": (
        ("road", "青石村村委会东侧路口"),
        ("square", "青石村文化广场"),
        ("shop", "青石村老供销社门前"),
        ("yard", "青石村东头民房"),
        ("farm", "青石村东大田"),
        ("ditch", "青石村村东排水沟"),
    ),
    "G02": (
        ("bridge", "青石村南桥头"),
        ("school", "青石村小学北侧小路"),
        ("yard", "青石村西街民居"),
        ("river", "青石村南河滩"),
        ("farm", "青石村西坡耕地"),
        ("clinic", "青石村卫生室"),
    ),
    "G03": (
        ("public", "东岭村村委会西侧"),
        ("farm", "东岭村后山果园"),
        ("livestock", "东岭村养殖小区"),
        ("reservoir", "东岭村水库大坝"),
        ("hill", "东岭村后山山坡"),
        ("yard", "东岭村中街民房"),
        ("road", "东岭村村口公路"),
        ("well", "东岭村集中供水点"),
    ),
    "G04": (
        ("river", "西河村河道北岸"),
        ("river", "西河村石桥下游"),
        ("bridge", "西河村石桥"),
        ("clinic", "西河村卫生室门前"),
        ("yard", "西河村北街民居"),
        ("farm", "西河村北大田"),
    ),
    "G05": (
        ("factory", "西河村西头砖厂旧址"),
        ("market", "西河村农贸市场"),
        ("road", "西河村南街"),
        ("shop", "西河村南街商铺"),
        ("yard", "西河村南街民房"),
        ("ditch", "西河村西沟"),
        ("farm", "西河村南洼耕地"),
    ),
    "G06": (
        ("public", "南坡村村委会对面"),
        ("farm", "南坡村东坡耕地"),
        ("farm", "南坡村蔬菜大棚区"),
        ("school", "南坡村幼儿园门口"),
        ("yard", "南坡村后街民房"),
        ("livestock", "南坡村养牛场"),
        ("road", "南坡村村北路口"),
    ),
    "G07": (
        ("bridge", "北沟村北沟桥"),
        ("hill", "北沟村采石场旧址"),
        ("well", "北沟村村西机井"),
        ("livestock", "北沟村养猪场"),
        ("river", "北沟村北沟河段"),
        ("yard", "北沟村前街民房"),
        ("farm", "北沟村北坡耕地"),
    ),
    "G08": (
        ("road", "柳树庄村十字路口"),
        ("square", "柳树庄村健身广场"),
        ("farm", "柳树庄村南大田"),
        ("shop", "柳树庄村小卖部门前"),
        ("yard", "柳树庄村东街民房"),
        ("ditch", "柳树庄村排灌渠"),
    ),
    "G09": (
        ("reservoir", "石门村石门水库"),
        ("hill", "石门村村北山坡"),
        ("factory", "石门村加工厂门口"),
        ("public", "石门村老年活动中心"),
        ("yard", "石门村西街民房"),
        ("farm", "石门村南岭耕地"),
        ("road", "石门村进村路"),
    ),
    "G10": (
        ("road", "杏花村杏花大道"),
        ("public", "杏花村党群服务中心"),
        ("river", "杏花村河滩"),
        ("shop", "杏花村农家乐一条街"),
        ("site", "杏花村安置房工地"),
        ("yard", "杏花村北街民房"),
        ("farm", "杏花村杏园"),
        ("road", "X018县道杏花村段"),
    ),
    "G11": (
        ("road", "王家疃村村口牌坊"),
        ("shop", "王家疃村东大街"),
        ("livestock", "王家疃村养鸡场"),
        ("ditch", "王家疃村排水沟"),
        ("yard", "王家疃村后街民房"),
        ("farm", "王家疃村西洼耕地"),
        ("reservoir", "王家疃村塘坝"),
    ),
    "G12": (
        ("bridge", "李家庄村李家庄桥"),
        ("factory", "李家庄村物流园北门"),
        ("farm", "李家庄村粮食晒场"),
        ("yard", "李家庄村新村8排"),
        ("factory", "青石镇工业园二路"),
        ("river", "李家庄村河段"),
        ("road", "S203省道青石段K12+300处"),
    ),
    "G13": (
        ("hill", "马山村马山脚下"),
        ("square", "马山村村委会广场"),
        ("hill", "马山村沙场旧址"),
        ("factory", "马山村果品冷库"),
        ("yard", "马山村南街民房"),
        ("farm", "马山村山坡果园"),
        ("road", "S203省道青石段K15+800处"),
        ("river", "马山村马山河段"),
    ),
    "G14": (
        ("flat", "幸福社区3号楼北侧"),
        ("road", "幸福社区东门外道路"),
        ("flat", "幸福社区12号楼地下车库入口"),
        ("public", "幸福社区物业服务中心"),
        ("square", "幸福社区中心广场"),
        ("school", "青石镇中心小学西门"),
    ),
    "G15": (
        ("market", "幸福社区幸福菜市场"),
        ("shop", "幸福社区沿街商铺"),
        ("flat", "幸福社区7号楼"),
        ("road", "幸福社区南侧道路"),
        ("site", "幸福社区南侧在建商住楼工地"),
        ("station", "青石镇公交首末站"),
    ),
    "G16": (
        ("road", "青石街社区青石街与建设路交叉口"),
        ("shop", "青石街社区供销大厦门前"),
        ("shop", "青石街社区老街28号"),
        ("clinic", "青石镇卫生院门前"),
        ("station", "青石汽车站"),
        ("market", "青石大集东入口"),
        ("flat", "青石街社区老街居民楼"),
    ),
    "G17": (
        ("road", "青石街社区农商银行门口"),
        ("shop", "青石街社区夜市街"),
        ("school", "青石中学南门"),
        ("site", "青石街社区旧城改造拆迁片区"),
        ("river", "青石街社区青石河沿岸"),
        ("square", "青石街社区文体广场"),
        ("flat", "青石街社区建设路小区"),
    ),
    "G18": (
        ("flat", "和平社区和平小区5号楼"),
        ("clinic", "和平社区卫生服务站"),
        ("shop", "和平社区和平路步行街"),
        ("road", "和平社区和平路"),
        ("square", "和平社区游园广场"),
        ("flat", "和平社区和平小区9号楼"),
    ),
    "G19": (
        ("road", "锦绣社区锦绣家园南门"),
        ("shop", "锦绣社区锦绣商业街"),
        ("flat", "锦绣社区8号楼楼下"),
        ("site", "锦绣社区二期建设工地"),
        ("school", "锦绣社区幼儿园门口"),
        ("flat", "锦绣社区锦绣家园15号楼"),
    ),
}

# -- the map ------------------------------------------------------------------------------
# A made-up township in the hills south of 蓬莱 (the county's phone numbers are 0535, the
# 烟台 area): the town seat, 青石街社区, at the centre; the other communities around it, the
# villages two to six kilometres out. A grid is a box on the map; a village with two grids
# is split into a western and an eastern half.

CENTRE = (37.6205, 120.7134)  # latitude, longitude of the town seat
KM_LAT = 1 / 111.0
KM_LON = 1 / (111.32 * math.cos(math.radians(CENTRE[0])))
AREAS = {  # area -> (km north, km east of the centre, side of its box in km)
    "青石街社区": (0.0, 0.0, 0.8),
    "幸福社区": (0.7, 0.6, 0.7),
    "和平社区": (-0.6, 0.7, 0.6),
    "锦绣社区": (0.5, -0.8, 0.6),
    "青石村": (1.9, -1.4, 1.6),
    "东岭村": (0.8, 3.6, 1.5),
    "西河村": (-0.7, -3.3, 1.8),
    "南坡村": (-3.1, 0.6, 1.4),
    "北沟村": (4.1, 1.1, 1.4),
    "柳树庄村": (-2.1, 2.9, 1.3),
    "石门村": (3.3, -3.1, 1.5),
    "杏花村": (-4.3, -2.3, 1.6),
    "王家疃村": (2.5, 4.7, 1.3),
    "李家庄村": (-1.7, 5.1, 1.5),
    "马山村": (5.6, -1.0, 1.6),
}


@dataclass(frozen=True)
class Box:
    south: float
    west: float
    north: float
    east: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


def grid_boxes(grids: list[tuple[str, str]]) -> dict[str, Box]:
    """Each grid's box from ``(grid code, area)`` pairs: the area's box, split west to east
    among its grids in code order."""
    by_area: dict[str, list[str]] = {}
    for code, area in sorted(grids):
        by_area.setdefault(area, []).append(code)
    boxes = {}
    for area, codes in by_area.items():
        north_km, east_km, side = AREAS[area]
        south = CENTRE[0] + (north_km - side / 2) * KM_LAT
        west = CENTRE[1] + (east_km - side / 2) * KM_LON
        height, width = side * KM_LAT, side * KM_LON / len(codes)
        for i, code in enumerate(codes):
            left = west + i * width
            boxes[code] = Box(
                round(south, 6), round(left, 6), round(south + height, 6), round(left + width, 6)
            )
    return boxes


def spot(box: Box, name: str) -> tuple[float, float]:
    """Where a place lies in its grid's box: fixed by its name (not by the seed, so the
    same place is always at the same spot), away from the box's edges."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    fy, fx = digest[0] / 255, digest[1] / 255
    return (
        box.south + (0.15 + 0.7 * fy) * (box.north - box.south),
        box.west + (0.15 + 0.7 * fx) * (box.east - box.west),
    )


JITTER = 0.0006  # degrees, about 60 metres: cases at one place are not all on one point


def near(box: Box, place: tuple[float, float], dy: float, dx: float) -> tuple[float, float]:
    """A point about ``place`` (``dy``, ``dx`` in -1..1), kept inside the grid's box."""
    latitude = min(max(place[0] + dy * JITTER, box.south), box.north)
    longitude = min(max(place[1] + dx * JITTER * 1.26, box.west), box.east)
    return round(latitude, 6), round(longitude, 6)
