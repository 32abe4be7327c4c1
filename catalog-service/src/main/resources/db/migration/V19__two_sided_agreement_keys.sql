-- A memorandum two states sign is one act whichever signatory's outlet tells it: a Qatari outlet's agreement with
-- Libya is the Libyan outlet's agreement with Qatar. Its key names the two states in one order (ActReport.joinKey()),
-- as V18 did for meetings, so that a later report from either side finds the incident stored before.
update incident
set join_key = 'AGREEMENT|' || partners[1] || '|' || actor
where type = 'AGREEMENT'
  and actor is not null
  and cardinality(partners) = 1
  and partners[1] ~ '^[A-Z]{2}$' and partners[1] not in ('EU', 'UN')
  and partners[1] collate "C" < actor collate "C";
