"""Statutory grounds for not accepting a complaint.

Article 15 of the Interim Measures for Handling Complaints and Reports by Market Regulation
Departments (《市场监督管理投诉举报处理暂行办法》, SAMR Order No. 20, amended 2022).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from odr.domain.errors import N_, ValidationFailed

BASIS = "《市场监督管理投诉举报处理暂行办法》第十五条"


class ReasonCode(StrEnum):
    """Stable codes for the six grounds of Article 15."""

    NOT_OUR_DUTY = "not_our_duty"
    ALREADY_HANDLED = "already_handled"
    NOT_CONSUMPTION = "not_consumption"
    OVER_THREE_YEARS = "over_three_years"
    MATERIALS_MISSING = "materials_missing"
    OTHER_LEGAL_GROUND = "other_legal_ground"


@dataclass(frozen=True)
class Reason:
    """A ground for not accepting, with the statute's wording and a short English gloss."""

    code: ReasonCode
    item: int
    wording: str
    summary_en: str

    @property
    def basis(self) -> str:
        """The article and item the reason rests on."""
        return f"{BASIS}第（{'一二三四五六'[self.item - 1]}）项"


REASONS: dict[str, Reason] = {
    r.code.value: r
    for r in (
        Reason(
            ReasonCode.NOT_OUR_DUTY,
            1,
            "投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限的",
            "Not a duty of market regulation, or this authority has no power to handle it",
        ),
        Reason(
            ReasonCode.ALREADY_HANDLED,
            2,
            "法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织"
            "已经受理或者处理过同一消费者权益争议的",
            "A court, arbitration body, agency, consumer association or mediation body has "
            "already taken or handled the same dispute",
        ),
        Reason(
            ReasonCode.NOT_CONSUMPTION,
            3,
            "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的",
            "Not bought or used for daily consumption, or no consumer dispute with the "
            "respondent is shown",
        ),
        Reason(
            ReasonCode.OVER_THREE_YEARS,
            4,
            "除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的",
            "More than three years since the complainant knew or should have known of the harm",
        ),
        Reason(
            ReasonCode.MATERIALS_MISSING,
            5,
            "未提供本办法第九条第一款和第十条规定的材料的",
            "The materials required by Articles 9(1) and 10 were not provided",
        ),
        Reason(
            ReasonCode.OTHER_LEGAL_GROUND,
            6,
            "法律、法规、规章规定不予受理的其他情形",
            "Another ground for non-acceptance laid down by law, regulation or rule",
        ),
    )
}


def get_reason(code: str) -> Reason:
    """The reason with ``code``, or :class:`ValidationFailed` on ``reason_code``."""
    try:
        return REASONS[code]
    except KeyError:
        raise ValidationFailed(
            {"reason_code": N_("Choose a statutory reason for not accepting.")}
        ) from None
