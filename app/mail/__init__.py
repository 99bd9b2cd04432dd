"""E-mail: messages (`message`), templates (`compose`), delivery through the outbox
with rate limit, retries and logging (`transport`), and the three kinds of e-mail:
report e-mails (`report_mail`), campaigns (`campaign`) and the prediction result
(`result_mail`). Every action takes an explicit `app.actor.Actor`.
"""
