"""The base-data page (基础数据): the township's profile, departments, grids, problem
categories and users, and the base-data workbook; the administrator changes them."""
