"""Demo data: stations, merchants in Hangzhou, a user of every role and complaints in every
state the service layer reaches. Built only through the use cases, so it obeys every rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import select

from odr.domain.access import Actor
from odr.domain.credit_code import check_character
from odr.domain.intake import CaseKind, Channel, ComplaintDraft
from odr.services import complaints, filing
from odr.services.accounts import add_user
from odr.services.context import Services
from odr.services.merchants import MerchantInput, add_merchant, add_station
from odr.services.views import MerchantView, UserView
from odr.store.models import User

DEMO_PASSWORD = "odr-demo-2026"
"""Every demo account's password."""


@dataclass(frozen=True)
class _StationSeed:
    name: str
    regions: tuple[str, ...]


STATIONS = (
    _StationSeed("西湖区市场监管所", ("西湖区", "拱墅区")),
    _StationSeed("上城区市场监管所", ("上城区", "滨江区")),
)

REGION_CODES = {"西湖区": "330106", "拱墅区": "330105", "上城区": "330102", "滨江区": "330108"}
"""The administrative division codes that credit codes carry in positions 3 to 8."""


@dataclass(frozen=True)
class _MerchantSeed:
    key: str
    name: str
    address: str
    region: str
    industry: str
    org8: str
    odr_since: date | None = None


MERCHANTS = (
    _MerchantSeed(
        "xizi",
        "杭州西子惠民电器有限公司",
        "杭州市西湖区文三路259号",
        "西湖区",
        "家用电器",
        "73208415",
        date(2025, 3, 1),
    ),
    _MerchantSeed(
        "gongchen",
        "杭州拱宸桥数码通讯有限公司",
        "杭州市拱墅区莫干山路972号",
        "拱墅区",
        "通讯器材",
        "68290537",
        date(2025, 6, 16),
    ),
    _MerchantSeed(
        "meijia",
        "杭州钱塘美家家居有限公司",
        "杭州市上城区秋涛路258号",
        "上城区",
        "家居装修",
        "57931264",
        date(2025, 9, 1),
    ),
    _MerchantSeed(
        "zhiweixuan",
        "杭州知味轩餐饮管理有限公司",
        "杭州市西湖区龙井路18号",
        "西湖区",
        "餐饮",
        "09623871",
    ),
    _MerchantSeed(
        "huoliyuan",
        "杭州活力源健身服务有限公司",
        "杭州市滨江区江南大道3850号",
        "滨江区",
        "体育健身",
        "32587409",
    ),
    _MerchantSeed(
        "xueeryou",
        "杭州学而优教育科技有限公司",
        "杭州市拱墅区湖墅南路186号",
        "拱墅区",
        "教育培训",
        "79154036",
    ),
)

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def organization_code(org8: str) -> str:
    """The 9-character organization code (GB 11714): eight digits and their check character."""
    check = 11 - sum(int(c) * w for c, w in zip(org8, _ORG_WEIGHTS, strict=True)) % 11
    return org8 + {10: "X", 11: "0"}.get(check, str(check))


def demo_credit_code(region: str, org8: str) -> str:
    """A well-formed unified social credit code of a company (91) registered in ``region``."""
    first17 = "91" + REGION_CODES[region] + organization_code(org8)
    return first17 + check_character(first17)


@dataclass(frozen=True)
class _UserSeed:
    username: str
    role: str
    name: str
    description: str
    phone: str = ""
    address: str = ""
    merchant: str | None = None
    station: int | None = None


USERS = (
    _UserSeed(
        "zhangsan", "consumer", "张三", "消费者 张三 / consumer",
        "13857112345", "杭州市西湖区天目山路100号",
    ),
    _UserSeed(
        "lisi", "consumer", "李四", "消费者 李四 / consumer",
        "13958023456", "杭州市拱墅区大关路55号",
    ),
    _UserSeed(
        "wangwu", "consumer", "王五", "消费者 王五 / consumer",
        "0571-87654321", "杭州市上城区望江路299号",
    ),
    _UserSeed(
        "xizi_staff", "enterprise", "陈经理", "西子惠民电器 客服 / ODR enterprise staff",
        "0571-88001234", merchant="xizi",
    ),
    _UserSeed(
        "gongchen_staff", "enterprise", "刘主管", "拱宸桥数码 客服 / ODR enterprise staff",
        "0571-88112233", merchant="gongchen",
    ),
    _UserSeed(
        "meijia_staff", "enterprise", "周店长", "钱塘美家家居 客服 / ODR enterprise staff",
        "0571-86223344", merchant="meijia",
    ),
    _UserSeed(
        "mod_xihu", "moderator", "赵调解员", "西湖区市场监管所 调解员 / station moderator",
        "0571-87960001", station=0,
    ),
    _UserSeed(
        "mod_shangcheng", "moderator", "孙调解员", "上城区市场监管所 调解员 / station moderator",
        "0571-86010002", station=1,
    ),
    _UserSeed(
        "mod_bureau", "moderator", "钱科长", "市局 调解员（不属任何所）/ bureau-level moderator",
        "0571-85000003",
    ),
    _UserSeed(
        "supervisor", "supervisor", "吴处长", "市局 监督员 / supervisor", "0571-85000004"
    ),
)  # fmt: skip

DEMO_LOGINS: list[tuple[str, str, str]] = [
    (u.username, DEMO_PASSWORD, u.description) for u in USERS
]
"""(username, password, role) of every demo account."""


@dataclass
class _Demo:
    svc: Services
    now: datetime
    stations: list[int] = field(default_factory=list)
    merchants: dict[str, MerchantView] = field(default_factory=dict)
    users: dict[str, UserView] = field(default_factory=dict)

    def actor(self, username: str) -> Actor:
        return self.users[username].actor

    def days_ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    @contextmanager
    def at(self, days: float) -> Iterator[None]:
        """Let the use cases inside believe it is ``days`` days before now."""
        moment, saved = self.days_ago(days), self.svc.clock
        self.svc.clock = lambda: moment
        try:
            yield
        finally:
            self.svc.clock = saved

    def draft(self, username: str, merchant: str, **values: object) -> ComplaintDraft:
        user, shop = self.users[username], self.merchants[merchant]
        fields: dict[str, object] = {
            "kind": CaseKind.COMPLAINT,
            "complainant_name": user.name,
            "complainant_phone": user.phone,
            "complainant_address": user.address,
            "respondent_name": shop.name,
            "respondent_address": shop.address,
            "credit_code": shop.credit_code,
            "channel": Channel.WEB,
            "request": "",
        }
        fields.update(values)
        return ComplaintDraft(**fields)  # type: ignore[arg-type]

    async def file(
        self, days: float, username: str, merchant: str, green: bool = False, **values: object
    ) -> int:
        with self.at(days):
            detail = await filing.file_complaint(
                self.svc,
                self.actor(username),
                self.draft(username, merchant, **values),
                merchant_id=self.merchants[merchant].id,
                green_channel=green,
            )
        return detail.id

    def known(self, days: int) -> date:
        return (self.now - timedelta(days=days)).astimezone(self.svc.tz).date()


async def has_users(svc: Services) -> bool:
    """Whether anyone has an account yet."""
    async with svc.reading() as session:
        return bool((await session.exec(select(func.count()).select_from(User))).one())


async def load_demo(svc: Services) -> bool:
    """Fill an empty database with the demo; do nothing (and say False) if any user exists."""
    if await has_users(svc):
        return False
    demo = _Demo(svc, svc.clock())
    await _add_registry(demo)
    await _add_users(demo)
    for scenario in SCENARIOS:
        await scenario(demo)
    return True


async def _add_registry(demo: _Demo) -> None:
    for station in STATIONS:
        view = await add_station(demo.svc, station.name, list(station.regions))
        demo.stations.append(view.id)
    for m in MERCHANTS:
        data = MerchantInput(
            name=m.name,
            address=m.address,
            region=m.region,
            industry=m.industry,
            credit_code=demo_credit_code(m.region, m.org8),
            is_odr=m.odr_since is not None,
            onboarded_on=m.odr_since,
        )
        demo.merchants[m.key] = await add_merchant(demo.svc, data)


async def _add_users(demo: _Demo) -> None:
    for u in USERS:
        demo.users[u.username] = await add_user(
            demo.svc,
            u.username,
            DEMO_PASSWORD,
            u.role,
            name=u.name,
            phone=u.phone,
            address=u.address,
            merchant_id=demo.merchants[u.merchant].id if u.merchant else None,
            station_id=demo.stations[u.station] if u.station is not None else None,
        )


async def _offer_pending(demo: _Demo) -> None:
    """with_enterprise: the enterprise has offered a replacement; the consumer has not answered."""
    cid = await demo.file(
        4,
        "zhangsan",
        "xizi",
        green=True,
        category="household_appliances",
        facts="2月在西子惠民电器门店购买变频空调一台，安装后制冷效果差，室内温度始终降不下来。"
        "售后两次上门检测后仍未解决。",
        request="更换同型号新机，或退货退款3299元",
        amount_fen=329_900,
        known_on=demo.known(10),
    )
    with demo.at(2):
        await complaints.make_offer(
            demo.svc,
            demo.actor("xizi_staff"),
            cid,
            "replacement",
            0,
            "经检测为压缩机故障，我司同意为您免费更换同型号新机，请回复方便的上门时间。",
        )


async def _settled(demo: _Demo) -> None:
    """settled_by_enterprise: the consumer accepted the enterprise's refund."""
    cid = await demo.file(
        9,
        "lisi",
        "gongchen",
        green=True,
        category="mobile_phones",
        facts="在拱宸桥数码门店购买的手机使用一周后屏幕出现绿线，购买未满15天。",
        request="退货并退款4599元",
        amount_fen=459_900,
        known_on=demo.known(10),
    )
    with demo.at(7):
        offer = await complaints.make_offer(
            demo.svc, demo.actor("gongchen_staff"), cid, "refund", 459_900, "同意全额退款。"
        )
    with demo.at(6):
        await complaints.accept_offer(demo.svc, demo.actor("lisi"), cid, offer.id)


async def _declined(demo: _Demo) -> None:
    """pending_review: the consumer declined the offer, so the regulator takes over."""
    cid = await demo.file(
        8,
        "wangwu",
        "meijia",
        green=True,
        category="home_decoration",
        facts="在钱塘美家定制的衣柜安装后柜门开裂，实际板材与合同约定的E0级实木颗粒板不符。",
        request="按合同约定板材重新制作，并赔偿误工损失500元",
        amount_fen=50_000,
        known_on=demo.known(12),
    )
    with demo.at(6):
        offer = await complaints.make_offer(
            demo.svc, demo.actor("meijia_staff"), cid, "repair", 0, "安排师傅上门更换开裂柜门。"
        )
    with demo.at(5):
        await complaints.decline_offer(
            demo.svc, demo.actor("wangwu"), cid, offer.id, "只换柜门解决不了板材不符的问题。"
        )


async def _pending_review(demo: _Demo) -> None:
    """pending_review: a complaint against a merchant that is not an ODR enterprise."""
    await demo.file(
        1,
        "zhangsan",
        "zhiweixuan",
        category="catering",
        facts="在知味轩龙井路店就餐，菜品中吃出金属丝，店家只同意打九折，拒绝退还该菜品费用。",
        request="退还餐费368元并赔礼道歉",
        amount_fen=36_800,
        known_on=demo.known(2),
    )


async def _accepted(demo: _Demo) -> None:
    """accepted: the station took the complaint on; mediation's 45 working days are running."""
    cid = await demo.file(
        12,
        "lisi",
        "huoliyuan",
        category="prepaid_cards",
        facts="去年办理的年卡尚有8个月未使用，门店以装修为由停业两个多月，要求退还剩余费用被拒。",
        request="退还剩余会员费2800元",
        amount_fen=280_000,
        known_on=demo.known(20),
    )
    with demo.at(10):
        await complaints.decide(demo.svc, demo.actor("mod_shangcheng"), cid, "accept")


async def _not_accepted(demo: _Demo) -> None:
    """not_accepted: the harm was known more than three years before filing."""
    cid = await demo.file(
        15,
        "wangwu",
        "xueeryou",
        category="education_training",
        facts="四年前报名的成人英语培训课程只上了一半，机构更换老师后课程质量下降，拒绝退费。",
        request="退还未上课时费用6000元",
        amount_fen=600_000,
        known_on=demo.known(4 * 365 + 30),
    )
    with demo.at(12):
        await complaints.decide(
            demo.svc,
            demo.actor("mod_xihu"),
            cid,
            "not_accept",
            reason_code="over_three_years",
            note="投诉人知道权益受损之日起已超过三年。",
        )


async def _referred(demo: _Demo) -> None:
    """referred: off-campus tutoring for school pupils belongs to the education department."""
    cid = await demo.file(
        6,
        "zhangsan",
        "xueeryou",
        category="education_training",
        facts="为上小学的孩子报名周末数学学科类培训，一次性收取一年费用，机构拒绝按未上课时退费。",
        request="退还剩余课时费4200元",
        amount_fen=420_000,
        known_on=demo.known(8),
    )
    with demo.at(4):
        await complaints.decide(
            demo.svc, demo.actor("mod_bureau"), cid, "refer", department="off_campus_tutoring"
        )


async def _withdrawn(demo: _Demo) -> None:
    """withdrawn: the merchant refunded on its own and the consumer withdrew."""
    cid = await demo.file(
        5,
        "wangwu",
        "zhiweixuan",
        category="catering",
        facts="外卖订单少送两个菜品，联系门店未获回复。",
        request="退还少送菜品费用76元",
        amount_fen=7_600,
        known_on=demo.known(6),
    )
    with demo.at(3):
        await complaints.withdraw(demo.svc, demo.actor("wangwu"), cid, "商家已主动退款，撤回投诉。")


async def _report_pending(demo: _Demo) -> None:
    """pending: a report (举报) awaiting the 15-working-day case-filing decision."""
    await demo.file(
        2,
        "zhangsan",
        "zhiweixuan",
        kind=CaseKind.REPORT,
        category="food_safety",
        facts="就餐时看到后厨生熟食品混放，操作人员未佩戴口罩和帽子，冷柜内有过期食材。",
    )


async def _report_filed(demo: _Demo) -> None:
    """case_filed: the station opened a case on a report."""
    cid = await demo.file(
        20,
        "lisi",
        "huoliyuan",
        kind=CaseKind.REPORT,
        category="fitness_beauty",
        facts="该健身会所开设游泳项目，但未见高危险性体育项目经营许可证公示，救生员人数不足。",
    )
    with demo.at(15):
        await complaints.decide(demo.svc, demo.actor("mod_shangcheng"), cid, "file_case")


SCENARIOS = (
    _offer_pending,
    _settled,
    _declined,
    _pending_review,
    _accepted,
    _not_accepted,
    _referred,
    _withdrawn,
    _report_pending,
    _report_filed,
)
"""Each files one complaint and moves it as far as its story goes."""
