"""The strategy report: what it contains (`content`) and its headline numbers (`kpi`).

Rendering (HTML, PDF, XLSX, charts) is `app.report`; this package only gathers the
frames, from the same analytics functions the dashboard pages call.
"""
