-- TownDesk schema 6: what a township keeps up itself.

-- A year's statutory holiday schedule entered by the administrator, for
-- the years chinese-calendar does not carry yet (app/core/holidays.py). Kept by the events
-- calendar.year_set; the latest entry of a year replaces the earlier one.
CREATE TABLE holiday_schedules (
    year      INTEGER PRIMARY KEY,
    festivals TEXT NOT NULL              -- JSON: [{"names": [...], "rest": [from, to], "working": [...]}]
);

-- What a township sets up itself (基础数据). All columns are
-- projections of events (township.profile_set, department.set, grid.set, category.set,
-- user.set, user.password_set), so a rebuild gives them back.

ALTER TABLE township ADD COLUMN authority TEXT NOT NULL DEFAULT '';   -- issuing authority
ALTER TABLE township ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE township ADD COLUMN duty_phone TEXT NOT NULL DEFAULT '';

ALTER TABLE departments ADD COLUMN parent_code TEXT;                   -- X: its district department
ALTER TABLE departments ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE departments ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

ALTER TABLE grids ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE grids ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

ALTER TABLE categories ADD COLUMN limit_hours INTEGER;                 -- urgent hazards: hours
ALTER TABLE categories ADD COLUMN matter_code TEXT;                    -- power list matter
ALTER TABLE categories ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

-- a new or reset password must be changed at the first sign-in
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
