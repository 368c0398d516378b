"""``towndesk account password``: a signed-in user chooses their own password, as the
window's Change password dialog does; the one command a user whose password the
administrator set (first or reset) may run before choosing their own."""

from __future__ import annotations

from app.cli.context import Commands, CommonOptions, Context, command_group
from app.cli.signin import NEW_PASSWORD_ENV, new_password
from app.core.errors import DomainError


def register(commands: Commands, common: CommonOptions) -> None:
    account = command_group(commands, "account", "本人账户：修改密码")
    p = account.add_parser(
        "password",
        help=f"修改本人的密码（新密码在提示时输入两次，脚本用环境变量 {NEW_PASSWORD_ENV}）",
        parents=[common.database, common.user],
    )
    p.set_defaults(handler=change_password, changes_password=True)


def change_password(ctx: Context) -> int:
    from app.store.base_data import change_own_password

    user = ctx.user  # signed in with the current password: that proves it
    chosen = new_password()
    if chosen is None:
        raise DomainError("new_password_needed", value=NEW_PASSWORD_ENV)
    change_own_password(ctx.db, user, ctx.sign_in_password, chosen, wall=ctx.clock.wall)
    print(f"{user.username} 的密码已修改。")
    return 0
