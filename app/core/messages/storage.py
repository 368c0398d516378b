"""Messages for the database file, the disk and evidence files (code: zh_CN, en).

Each says what happened, that nothing was changed, and what the user can do; none shows
SQLite's or the system's own words, which mean nothing to a clerk."""

from __future__ import annotations

STORAGE_MESSAGES: dict[str, tuple[str, str]] = {
    "disk_full": (
        "磁盘空间不足，未能保存。已撤销本次操作，数据没有变化。"
        "请删除或移走数据库所在磁盘上不需要的文件（如旧的导出文件、下载的文件），"
        "清空回收站，然后再试。",
        "The disk is full; nothing was saved and the data is unchanged. Delete or move "
        "files you no longer need from the database's disk (old exports, downloads), empty "
        "the recycle bin and try again.",
    ),
    "backup_disk_full": (
        "磁盘空间不足，无法在升级前备份数据库 {value}（需要约 {size} MB，只剩 {free} MB）。"
        "数据库没有升级，也没有改动。请在该磁盘上腾出空间后再打开。",
        "The disk is too full to back up database {value} before upgrading it (about "
        "{size} MB needed, {free} MB free). It was neither upgraded nor changed; free some "
        "space on that disk and open it again.",
    ),
    "database_not_ours": (
        "{value} 不是 TownDesk 的数据库（可能属于别的程序），TownDesk 没有打开它，也没有"
        "改动它。请用 --db 指定 TownDesk 的数据库文件。",
        "{value} is not a TownDesk database (perhaps another program's). TownDesk neither "
        "opened nor changed it; name a TownDesk database with --db.",
    ),
    "database_damaged": (
        "{value} 不是 TownDesk 数据库或已损坏，TownDesk 没有改动它。{backups}",
        "{value} is not a TownDesk database or is damaged; TownDesk did not change it. {backups}",
    ),
    "database_read_only": (
        "数据库 {value} 是只读的（文件只读，或在光盘、写保护的U盘、只读的共享文件夹上），"
        "TownDesk 需要写入它才能打开。请把数据库复制到本机可写的文件夹后再打开；"
        "原文件没有改动。",
        "Database {value} is read-only (the file, or a CD, a write-protected USB stick or a "
        "read-only share). TownDesk must write to it: copy it to a writable folder on this "
        "PC and open the copy. The file was not changed.",
    ),
    "database_no_permission": (
        "没有权限读取数据库 {value}。请用有权限的系统账户运行 TownDesk，或请管理员给本账户"
        "读写这个文件的权限；文件没有改动。",
        "No permission to read database {value}. Run TownDesk as an account that may, or ask "
        "the administrator to give this account access; the file was not changed.",
    ),
    "database_is_folder": (
        "{value} 是一个文件夹，不是数据库文件。请用 --db 指定其中的数据库文件"
        "（如 towndesk.sqlite3）。",
        "{value} is a folder, not a database file: name the database file in it with --db "
        "(e.g. towndesk.sqlite3).",
    ),
    "database_stray_wal": (
        "数据库 {value} 旁边的临时文件 {wal} 不属于它（可能是从别处复制来的）或已损坏。"
        "为保护数据，TownDesk 没有打开数据库，也没有改动它。请把 {wal} 和同名的 -shm 文件"
        "移到别的文件夹（不要删除，交给技术人员），然后再打开。",
        "The file {wal} beside database {value} does not belong to it (perhaps copied from "
        "elsewhere) or is damaged. To protect the data TownDesk did not open or change the "
        "database. Move {wal} and the -shm file of the same name to another folder (do not "
        "delete them; give them to a technician) and open it again.",
    ),
    "database_unusable": (
        "无法打开数据库 {value}（{reason}）；TownDesk 没有改动它。请检查文件和所在的磁盘，"
        "或联系技术人员。",
        "Cannot open database {value} ({reason}); TownDesk did not change it. Check the file "
        "and its disk, or call a technician.",
    ),
    "file_unreadable": (
        "无法读取文件“{value}”（没有权限、文件夹或设备不可用）；没有保存任何内容。",
        "Cannot read the file '{value}' (no permission, a folder, or the device is gone); "
        "nothing was saved.",
    ),
    "evidence_type_not_allowed": (
        "文件“{value}”不能作为证据：只接受 JPG、PNG、WEBP、BMP 照片或 PDF 文档。没有保存。",
        "'{value}' cannot be evidence: only JPG, PNG, WEBP or BMP photos and PDF documents "
        "are accepted. Nothing was saved.",
    ),
    "evidence_not_decodable": (
        "照片“{value}”打不开（文件不完整、已损坏，或不是它扩展名所说的图片），没有保存。"
        "请重新拍摄或换一张。",
        "The photo '{value}' cannot be opened (incomplete, damaged, or not the kind of image "
        "its name says); nothing was saved. Take it again or choose another.",
    ),
    "evidence_too_many_pixels": (
        "照片“{value}”像素过多（超过 {limit} 万像素），没有保存。请缩小后再添加。",
        "The photo '{value}' has too many pixels (over {limit} million/100); nothing was "
        "saved. Make it smaller first.",
    ),
    "evidence_pdf_damaged": (
        "文档“{value}”不是完整的 PDF 文件（开头或结尾不对），没有保存。请重新导出或扫描。",
        "'{value}' is not a complete PDF file (its start or end is wrong); nothing was "
        "saved. Export or scan it again.",
    ),
    "evidence_file_damaged": (
        "证据文件 {value}… 已损坏或被改动（加密校验不通过），无法读取；没有改动任何数据。"
        "请用“数据校验”查看，并从备份或对方设备的同步包恢复该文件。",
        "Evidence file {value}… is damaged or was altered (its encryption check failed) and "
        "cannot be read; nothing was changed. Run the data check, and restore the file from "
        "a backup or another device's sync file.",
    ),
    "evidence_file_missing": (
        "证据文件 {value}… 不在证据文件夹中（可能被移走或删除）；没有改动任何数据。"
        "请用“数据校验”查看，并从备份或对方设备的同步包恢复该文件。",
        "Evidence file {value}… is not in the evidence folder (moved or deleted); nothing "
        "was changed. Run the data check, and restore the file from a backup or another "
        "device's sync file.",
    ),
    "evidence_file_locked": (
        "证据文件 {value}… 是加密的，而当前数据库没有加密，读不出它（可能是从加密的外勤"
        "终端复制来的）。请在原设备上打开，或经同步包传过来；没有改动任何数据。",
        "Evidence file {value}… is encrypted but this database is not, so it cannot be read "
        "(perhaps copied from an encrypted field laptop). Open it on that device or send it "
        "in a sync file; nothing was changed.",
    ),
    "evidence_copy_failed": (
        "无法在临时文件夹 {value} 中放置供阅读器打开的副本（磁盘已满或不可写）。"
        "请清理磁盘空间后再试；没有改动任何数据。",
        "Could not put the copy for the reader in the temporary folder {value} (the disk "
        "is full or read-only). Free some space and try again; nothing was changed.",
    ),
    "evidence_name_too_long": (
        "文件名“{value}”太长（最多 {limit} 个字），请改短后再添加。",
        "The file name '{value}' is too long (at most {limit} characters); shorten it.",
    ),
    "text_too_long": (
        "{field}最多 {limit} 个字，现在是 {length} 个字。",
        "The {field} may hold at most {limit} characters; it has {length}.",
    ),
    "date_out_of_range": (
        "{field} {value} 不在合理范围内（{low} 至 {high}），请检查。",
        "The {field} {value} is outside {low} to {high}; please check it.",
    ),
}
