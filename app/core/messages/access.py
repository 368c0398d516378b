"""Messages for signing in on the command line (code: zh_CN, en): who acts, and how a
script or a person at a terminal gives the password."""

from __future__ import annotations

ACCESS_MESSAGES: dict[str, tuple[str, str]] = {
    "signin_user_needed": (
        "请说明以哪个用户身份操作：加上 --as 用户名，或设置环境变量 {value}。",
        "Say who acts: add --as USERNAME, or set the environment variable {value}.",
    ),
    "signin_password_needed": (
        "需要用户“{value}”的密码：请在终端中运行以便输入密码，"
        "或（用于脚本）设置环境变量 TOWNDESK_PASSWORD。",
        "The password of '{value}' is needed: run this in a terminal to type it, "
        "or (for scripts) set the environment variable TOWNDESK_PASSWORD.",
    ),
    "signin_password_must_change": (
        "用户“{value}”须先修改密码：请在窗口中登录修改，或运行 towndesk account password。",
        "'{value}' must change their password first: sign in to the window, "
        "or run towndesk account password.",
    ),
    "new_password_needed": (
        "需要新密码：请在终端中运行以便输入，或（用于脚本）设置环境变量 {value}。",
        "A new password is needed: run this in a terminal to type it, "
        "or (for scripts) set the environment variable {value}.",
    ),
    "new_password_mismatch": (
        "两次输入的新密码不一致，密码没有修改。",
        "The two new passwords differ; the password was not changed.",
    ),
}
