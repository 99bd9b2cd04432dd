-- customers as `carsight train` sees them: the PII-free profile columns, one row per customer.
-- unordered: the trainer sorts by customer_id itself.
-- amount_krw in KRW; purchase_count in purchases.
select
    customer_id, brand, age, gender, vehicle_class, body_type, size_class, model, powertrain,
    eco_friendly, purchase_date, amount_krw, payment_method, purchase_count, channel, market
from customer_profiles
