"""Every word the workbooks show a reader, in one place. Danish is the language of the reports."""

WEEKLY_LABELS = {
    "title": "Mandagstal, uge {week}",
    "subtitle": "Afgange til job og uddannelse pr. afdeling: ugens tal og gennemsnit over 4 uger",
    "week": "Uge",
    "department": "Afdeling",
    "category": "Kategori",
    "exits_week": "Afgange i ugen",
    "avg_4w": "Gennemsnit 4 uger",
    "weekly_target": "Ugentligt mål",
    "status": "Status",
    "job": "Job",
    "education": "Uddannelse",
    "total": "I alt",
    "unknown": "Ukendt afdeling",
    "green": "Grøn",
    "red": "Rød",
    "chart_title": "Afgange pr. uge, de seneste 13 uger (alle afdelinger)",
    "chart_y": "Afgange",
    "legend": "Grøn: gennemsnittet over 4 uger er på eller over målet. Rød: under målet.",
}
