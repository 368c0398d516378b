"""The texts of every refusal and error, by code, in Simplified Chinese and English; one
module per part of the domain. ``core.errors.DomainError`` picks the language."""

from __future__ import annotations

from app.core.messages.access import ACCESS_MESSAGES
from app.core.messages.cases import CASE_MESSAGES
from app.core.messages.cipher import CIPHER_MESSAGES
from app.core.messages.coordination import COORDINATION_MESSAGES
from app.core.messages.disputes import DISPUTE_MESSAGES
from app.core.messages.lists import LIST_MESSAGES
from app.core.messages.meetings import MEETING_MESSAGES
from app.core.messages.office import OFFICE_MESSAGES
from app.core.messages.parties import PARTY_MESSAGES
from app.core.messages.police import POLICE_MESSAGES
from app.core.messages.reference import REFERENCE_MESSAGES
from app.core.messages.statistics import STATISTICS_MESSAGES
from app.core.messages.storage import STORAGE_MESSAGES
from app.core.messages.sync import SYNC_MESSAGES
from app.core.messages.sync_files import SYNC_FILE_MESSAGES
from app.core.messages.verify import VERIFY_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    **CASE_MESSAGES,
    **SYNC_MESSAGES,
    **SYNC_FILE_MESSAGES,
    **LIST_MESSAGES,
    **COORDINATION_MESSAGES,
    **DISPUTE_MESSAGES,
    **MEETING_MESSAGES,
    **REFERENCE_MESSAGES,
    **STATISTICS_MESSAGES,
    **OFFICE_MESSAGES,
    **ACCESS_MESSAGES,
    **STORAGE_MESSAGES,
    **VERIFY_MESSAGES,
    **CIPHER_MESSAGES,
    **PARTY_MESSAGES,
    **POLICE_MESSAGES,
}
