-- customers without direct identifiers (no name, phone, e-mail, address): safe for analysis.
-- region and district are derived from the address at province / city level only.
create or replace view customer_profiles as
select
    customer_id, brand, age, gender, vehicle_class, body_type, size_class, model, powertrain,
    eco_friendly, purchase_date, amount_krw, payment_method, purchase_count, channel, market,
    region, district
from customers;
