-- Prospects registered in the app between two dates (UTC, inclusive) with an e-mail address,
-- with the counter features the recommendations need (budget_krw in KRW; purchase_count =
-- purchases before). Parameters: first date, last date ('YYYY-MM-DD'), brand ('all' = both),
-- brand.
select
    prospect_id as customer_id, brand, name, email, market, age, gender, vehicle_class, budget_krw,
    payment_method, purchase_count, channel, eco_friendly, predicted_segment,
    predicted_cluster, date(created_at) as registered_on
from prospects
where date(created_at) between ? and ?
    and email is not null and trim(email) <> ''
    and (? = 'all' or brand = ?)
order by prospect_id
