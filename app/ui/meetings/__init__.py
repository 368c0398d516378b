"""Joint meetings (联席会议): members, agenda, minutes and decisions."""
