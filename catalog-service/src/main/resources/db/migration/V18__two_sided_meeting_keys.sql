-- A meeting of two states is one act whichever side tells it: a Jordanian outlet's hosting of the Kuwaiti minister is
-- the Kuwaiti outlet's visit to Jordan. Its key names the two states in one order (ActReport.joinKey()), so that a
-- later report from either side finds the incident stored before.
update incident
set join_key = 'MEETING|' || partners[1] || '|' || actor
where type in ('MEET', 'VISIT', 'HOST')
  and actor is not null
  and cardinality(partners) = 1
  and partners[1] ~ '^[A-Z]{2}$' and partners[1] not in ('EU', 'UN')
  and partners[1] collate "C" < actor collate "C";
