-- market explorer, source data: one customer file's rows as loaded, without the personal
-- columns (name, birth date, phone, e-mail, address, user id and the id built from it).
-- amount_krw: KRW.
select
    source_line as line, brand, age, gender, vehicle_class, body_type, size_class,
    model_label, model, powertrain, eco_friendly, purchase_date, amount_krw,
    payment_method, purchase_count, channel, launch_month, market_label, market,
    signup_date
from customers
where source_file = $file
