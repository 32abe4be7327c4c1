-- A conference's or an election's organisations only took part in it: one report names some bodies, another others,
-- and both are the same act. Their key keeps the partner countries only (ActReport.joinKey(): ISO 3166 codes; the
-- bodies' codes are longer, or EU and UN), so that later reports find the incidents stored before.
update incident
set join_key = type || '|' || coalesce(actor, '') || '|'
    || array_to_string(array(select partner from unnest(partners) as partner
                             where partner ~ '^[A-Z]{2}$' and partner not in ('EU', 'UN')
                             order by partner collate "C"), ',')
where type in ('CONFERENCE', 'ELECTION');
