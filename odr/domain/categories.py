"""What complaints are about: the categories consumers choose and statistics break down by."""

from __future__ import annotations

from dataclasses import dataclass

from odr.domain.errors import N_, ValidationFailed


@dataclass(frozen=True)
class Category:
    """A complaint category with its Chinese and English names."""

    code: str
    zh: str
    en: str

    def name(self, locale: str) -> str:
        """The category's name in ``locale`` (``zh_Hans`` or ``en``)."""
        return self.en if locale == "en" else self.zh


CATEGORIES: tuple[Category, ...] = (
    Category("food_safety", "食品安全", "Food safety"),
    Category("household_appliances", "家用电器", "Household appliances"),
    Category("household_goods", "日用百货", "Household goods"),
    Category("clothing_shoes", "服装鞋帽", "Clothing and shoes"),
    Category("cosmetics", "化妆品", "Cosmetics"),
    Category("vehicles", "汽车及零部件", "Cars and parts"),
    Category("mobile_phones", "通讯器材", "Phones and devices"),
    Category("e_commerce", "网络购物", "Online shopping"),
    Category("self_operated_platform", "平台自营", "Platform self-operated goods"),
    Category("catering", "餐饮服务", "Restaurants and catering"),
    Category("travel_services", "旅游服务", "Travel services"),
    Category("prepaid_cards", "预付卡消费", "Prepaid cards and memberships"),
    Category("fitness_beauty", "美容美发健身", "Beauty, hairdressing and fitness"),
    Category("home_decoration", "家居装修", "Home furnishing and decoration"),
    Category("repair_services", "维修服务", "Repair services"),
    Category("education_training", "培训服务", "Training courses"),
    Category("group_complaint", "群体性投诉", "Group complaint"),
    Category("other", "其他", "Other"),
)

_BY_CODE = {c.code: c for c in CATEGORIES}


def category_codes() -> frozenset[str]:
    """Every valid category code."""
    return frozenset(_BY_CODE)


def get_category(code: str) -> Category:
    """The category with ``code``, or :class:`ValidationFailed` on ``category``."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ValidationFailed({"category": N_("Choose a category from the list.")}) from None
