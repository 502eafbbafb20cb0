"""The report for a clinician: what goes in it (services/report_data.py), drawn for paper."""
