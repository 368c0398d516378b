"""The demo township (青石镇): ``township`` builds it, ``path`` moves its recent cases along
the case path, ``meetings`` holds its joint meetings."""
