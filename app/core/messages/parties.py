"""Messages of a case's parties (当事人) (code: zh_CN, en)."""

from __future__ import annotations

PARTY_MESSAGES: dict[str, tuple[str, str]] = {
    "party_kind_missing": (
        "请说明当事人是个人还是单位。",
        "Say whether the party is a person or an organisation.",
    ),
    "party_name_missing": (
        "请填写当事人的{field}。",
        "Give the party's {field}.",
    ),
    "id_number_invalid": (
        "身份证号码“{value}”不对：应为 18 位，前 17 位是数字，最后一位是数字或 X。",
        "ID number '{value}' is not valid: 18 characters, 17 digits and a digit or X.",
    ),
    "id_number_birth_invalid": (
        "身份证号码“{value}”中的出生日期不是真实的日期，请核对。",
        "The birth date in ID number '{value}' is not a real date; check it.",
    ),
    "id_number_check_digit": (
        "身份证号码“{value}”的校验位不对（最后一位），请核对是否抄错。",
        "The check digit (last character) of ID number '{value}' is wrong; check for a typo.",
    ),
    "credit_code_invalid": (
        "统一社会信用代码“{value}”不对：应为 18 位数字或大写字母（不含 I、O、Z、S、V）。",
        "Unified social credit code '{value}' is not valid: 18 digits or capital letters "
        "(no I, O, Z, S or V).",
    ),
    "credit_code_check_digit": (
        "统一社会信用代码“{value}”的校验码不对（最后一位），请核对是否抄错。",
        "The check character (last one) of unified social credit code '{value}' is wrong; "
        "check for a typo.",
    ),
    "party_field_not_for_kind": (
        "{field}只适用于{value}当事人，请去掉。",
        "The {field} is only for a party who is a {value}; leave it out.",
    ),
    "party_unknown": (
        "案件 {case} 没有编号为“{value}”的当事人（见 towndesk case show）。",
        "Case {case} has no party numbered '{value}' (see towndesk case show).",
    ),
    "party_ambiguous": (
        "当事人编号“{value}”不止对应一个当事人，请多输入几位。",
        "Party number '{value}' matches more than one party; type more of it.",
    ),
}
