-- A pair's series is the sum of both directions (an act has one actor): one index range over the pair in
-- alphabetical order finds both, where "(country = a and partner = b) or (country = b and partner = a)" read every
-- pair of the period.
create index period_pair_count_by_unordered_pair
    on period_pair_count (least(country, partner), greatest(country, partner), span, starts);
