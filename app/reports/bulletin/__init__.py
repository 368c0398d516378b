"""The monthly bulletin (月度通报): gather.py collects it, rows.py words it, html.py lays
it out for print, write.py writes the PDF or the workbook."""
