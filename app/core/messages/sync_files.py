"""Messages for crafted or clashing sync files (code: zh_CN, en): zip features this program
does not read, a file id used by another file, a secret that does not match its ref,
and imports that meet another import or a
busy database. Like app/core/messages/sync.py, each names its class first."""

from __future__ import annotations

SYNC_FILE_MESSAGES: dict[str, tuple[str, str]] = {
    "sync_zip_unsupported": (
        "【格式不支持】同步包使用了本程序不支持的压缩方式或格式（{reason}），未导入任何内容。"
        "请对方用 TownDesk 重新导出。",
        "[Unsupported format] The sync file uses a compression or zip feature this program "
        "does not read ({reason}); nothing was imported. Ask the sender to export it again "
        "with TownDesk.",
    ),
    "sync_file_id_reused": (
        "【编号重复】同步包的编号（{value}）已被另一个导入过的同步包使用，内容不同，已拒收。"
        "请对方重新导出。",
        "[Reused id] The sync file's id ({value}) belongs to another file imported before; "
        "refused. Ask the sender to export again.",
    ),
    "sync_secret_mismatch": (
        "【文件损坏】同步包中的一项保密数据（密码、反映人或当事人）与其编号 {value}… 不符，"
        "已拒收，未导入任何内容。请对方重新导出。",
        "[Damaged] A secret in the sync file (a password or a reporter) does not match its "
        "ref {value}…; refused, nothing was imported. Ask the sender to export it again.",
    ),
    "sync_import_in_progress": (
        "【正在导入】这个同步包正在导入，请等它完成（同步页会显示结果），不必再导入一次。",
        "[Import in progress] This sync file is being imported right now; wait for it to "
        "finish (the Sync page shows the result). There is no need to import it again.",
    ),
    "sync_import_busy": (
        "【请稍后】另一个同步包正在导入，等了 {seconds} 秒仍未结束，本次未导入任何内容。"
        "请稍后再导入。",
        "[Busy] Another sync file is being imported; after waiting {seconds} s it has not "
        "finished. Nothing was imported; try again later.",
    ),
    "sync_database_busy": (
        "【请稍后】数据库正被另一个窗口或程序写入，等了 {seconds} 秒仍未轮到，本次未导入任何"
        "内容。请关闭其他 TownDesk 窗口或稍后再试。",
        "[Busy] The database is being written by another window or program; after waiting "
        "{seconds} s it was still busy. Nothing was imported; close other TownDesk windows "
        "or try again later.",
    ),
}
