-- Worked analyst questions for the cooperation warehouse (DuckDB SQL).
--
-- Open the warehouse read-only and paste a query, e.g. `duckdb -readonly warehouse/cooperation.duckdb`.
-- Each query starts with a header: `-- Qn.` and the question, what the answer counts, and
-- `-- columns:` the columns it returns (tests/analyst/test_queries.py runs every query against a
-- sample warehouse and checks them). Tables and views are described in docs/data-dictionary.md.
-- Reminder: a row of `agreements` or `delegations` is one report in one document; count
-- real-world agreements and visits with count(DISTINCT event_id).

-- Q1. Which organisations signed the most agreements with Hong Kong universities since 2017?
-- Partners of a university in CN-HK in a common agreement event signed on or after 1 January 2017.
-- columns: partner_name, partner_type, partner_region, hong_kong_universities, agreement_events, last_signed_on
SELECT o.canonical_name AS partner_name,
       o.org_type AS partner_type,
       o.region_code AS partner_region,
       list(DISTINCT u.canonical_name ORDER BY u.canonical_name) AS hong_kong_universities,
       count(DISTINCT a.event_id) AS agreement_events,
       max(a.signed_on) AS last_signed_on
FROM agreements a
JOIN agreement_parties hk ON hk.agreement_id = a.agreement_id
JOIN organizations u ON u.organization_id = hk.organization_id AND u.org_type = 'university' AND u.region_code = 'CN-HK'
JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id AND ap.organization_id <> hk.organization_id
JOIN organizations o ON o.organization_id = ap.organization_id
WHERE a.signed_on >= DATE '2017-01-01'
GROUP BY o.canonical_name, o.org_type, o.region_code
ORDER BY agreement_events DESC, partner_name;

-- Q2. Who put their signature to agreements with Hong Kong universities since 2017?
-- People recorded as signatories (not witnesses) of such agreements, with the organisation they signed for.
-- columns: signatory_name, title, signed_for, agreement_events
SELECT p.full_name AS signatory_name,
       any_value(s.title) AS title,
       o.canonical_name AS signed_for,
       count(DISTINCT a.event_id) AS agreement_events
FROM agreement_signatories s
JOIN agreements a ON a.agreement_id = s.agreement_id
JOIN people p ON p.person_id = s.person_id
LEFT JOIN organizations o ON o.organization_id = s.organization_id
WHERE s.role = 'signatory'
  AND a.signed_on >= DATE '2017-01-01'
  AND EXISTS (SELECT 1 FROM agreement_parties ap
              JOIN organizations u ON u.organization_id = ap.organization_id
              WHERE ap.agreement_id = a.agreement_id AND u.org_type = 'university' AND u.region_code = 'CN-HK')
GROUP BY p.full_name, o.canonical_name
ORDER BY agreement_events DESC, signatory_name;

-- Q3. Which provinces send the largest delegations?
-- Region of the delegation's origin (its organisation, else its place); sizes are the stated member counts.
-- columns: origin_region, region_name, delegation_events, largest_delegation, average_size
WITH origins AS (
    SELECT dl.event_id, dl.member_count, coalesce(oo.region_code, op.region_code) AS origin_region
    FROM delegations dl
    LEFT JOIN organizations oo ON oo.organization_id = dl.origin_organization_id
    LEFT JOIN places op ON op.place_id = dl.origin_place_id
), names AS (
    SELECT region_code, min(name) AS region_name FROM places
    WHERE place_type IN ('province', 'municipality', 'special_administrative_region') GROUP BY region_code
)
SELECT o.origin_region,
       n.region_name,
       count(DISTINCT o.event_id) AS delegation_events,
       max(o.member_count) AS largest_delegation,
       round(avg(o.member_count), 1) AS average_size
FROM origins o
LEFT JOIN names n ON n.region_code = o.origin_region
WHERE o.origin_region IS NOT NULL
GROUP BY o.origin_region, n.region_name
ORDER BY largest_delegation DESC NULLS LAST, delegation_events DESC, o.origin_region;

-- Q4. How many labs work in each field?
-- Fields of the FOS 2007 taxonomy with at least one lab, with the labs' names.
-- columns: domain_id, field, major_area, lab_count, labs
SELECT cd.domain_id,
       cd.label AS field,
       cd.major_label AS major_area,
       count(DISTINCT ld.lab_id) AS lab_count,
       list(DISTINCT l.name ORDER BY l.name) AS labs
FROM lab_domains ld
JOIN collaboration_domains cd ON cd.domain_id = ld.domain_id
JOIN labs l ON l.lab_id = ld.lab_id
GROUP BY cd.domain_id, cd.label, cd.major_label
ORDER BY lab_count DESC, cd.domain_id;

-- Q5. How many agreements were signed each year, and of which type?
-- One count per real-world agreement (agreement_events), by the year of its earliest signing date.
-- columns: signed_year, agreement_type, agreements
SELECT year(signed_on) AS signed_year,
       agreement_type,
       count(*) AS agreements
FROM agreement_events
GROUP BY ALL
ORDER BY signed_year NULLS LAST, agreements DESC, agreement_type;

-- Q6. Which organisations are the most connected?
-- Distinct partners across agreement events, then agreement events, delegations and labs (organization_connections).
-- columns: canonical_name, org_type, region_code, partner_count, agreement_event_count, delegation_event_count, lab_count
SELECT canonical_name, org_type, region_code, partner_count, agreement_event_count, delegation_event_count, lab_count
FROM organization_connections
ORDER BY partner_count DESC, agreement_event_count DESC, canonical_name
LIMIT 20;

-- Q7. Which pairs of regions cooperate most?
-- Agreement events between organisations of two different regions (unordered pairs), from collaboration_network.
-- columns: region_a, region_b, agreement_events, first_signed_on, last_signed_on
WITH pairs AS (
    SELECT least(oa.region_code, ob.region_code) AS region_a,
           greatest(oa.region_code, ob.region_code) AS region_b,
           unnest(n.event_ids) AS event_id,
           n.first_signed_on, n.last_signed_on
    FROM collaboration_network n
    JOIN organizations oa ON oa.organization_id = n.organization_a_id
    JOIN organizations ob ON ob.organization_id = n.organization_b_id
    WHERE oa.region_code <> ob.region_code
)
SELECT region_a, region_b,
       count(DISTINCT event_id) AS agreement_events,
       min(first_signed_on) AS first_signed_on,
       max(last_signed_on) AS last_signed_on
FROM pairs
GROUP BY region_a, region_b
ORDER BY agreement_events DESC, region_a, region_b;

-- Q8. What do the parties undertake most often?
-- Activities of agreements (joint research, student exchange, ...), counted once per agreement event.
-- columns: activity, agreement_events
SELECT ac.activity,
       count(DISTINCT a.event_id) AS agreement_events
FROM agreement_activities ac
JOIN agreements a ON a.agreement_id = ac.agreement_id
GROUP BY ac.activity
ORDER BY agreement_events DESC, ac.activity;

-- Q9. Which organisations host the most labs?
-- labs_by_host; the row with a NULL host gathers the labs whose host is not known.
-- columns: host_name, host_org_type, host_region_code, lab_count, established_count, lab_names
SELECT host_name, host_org_type, host_region_code, lab_count, established_count, lab_names
FROM labs_by_host
ORDER BY lab_count DESC, host_name NULLS LAST;

-- Q10. Which labs were newly established, and where is that stated?
-- Labs with status 'established', each with one evidence sentence and the document it comes from.
-- columns: lab_name, lab_type, host_name, established_year, document_title, source_path, evidence
SELECT l.name AS lab_name,
       l.lab_type,
       lo.host_name,
       l.established_year,
       d.title AS document_title,
       d.source_path,
       arg_min(lm.evidence, lm.evidence_start) AS evidence
FROM labs l
JOIN lab_overview lo ON lo.lab_id = l.lab_id
JOIN lab_mentions lm ON lm.lab_id = l.lab_id
JOIN documents d ON d.document_id = lm.document_id
WHERE l.status = 'established'
GROUP BY l.name, l.lab_type, lo.host_name, l.established_year, d.title, d.source_path
ORDER BY l.established_year DESC NULLS LAST, lab_name;

-- Q11. Which agreements has one organisation entered, found by any of its names?
-- Any alias works ('PolyU', 'The Hong Kong Polytechnic University', ...); change the name in the first CTE.
-- columns: signed_on, agreement_type, party_names, document_count
WITH target AS (
    SELECT DISTINCT organization_id FROM organization_aliases WHERE lower(alias) = lower('PolyU')
)
SELECT e.signed_on, e.agreement_type, e.party_names, e.document_count
FROM agreement_events e
WHERE EXISTS (SELECT 1 FROM unnest(e.party_ids) AS p(id) WHERE p.id IN (SELECT organization_id FROM target))
ORDER BY e.signed_on DESC NULLS LAST, e.event_id;

-- Q12. Which fields of science do the agreements cover, by major area?
-- Agreement events per FOS 2007 field, with the major area's totals from fields_by_major_area.
-- columns: major_area, field, agreement_events, major_area_agreement_events
SELECT cd.major_label AS major_area,
       cd.label AS field,
       count(DISTINCT a.event_id) AS agreement_events,
       any_value(m.agreement_event_count) AS major_area_agreement_events
FROM agreement_domains ad
JOIN agreements a ON a.agreement_id = ad.agreement_id
JOIN collaboration_domains cd ON cd.domain_id = ad.domain_id
JOIN fields_by_major_area m ON m.major_id = cd.major_id
GROUP BY cd.major_label, cd.label
ORDER BY major_area_agreement_events DESC, agreement_events DESC, field;

-- Q13. Which countries outside China appear as parties?
-- Parties whose country_code is not CN, with the number of agreement events and their Chinese partners.
-- columns: country_code, organizations, agreement_events, chinese_partners
WITH foreign_parties AS (
    SELECT DISTINCT a.event_id, o.country_code, o.canonical_name
    FROM agreements a
    JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id
    JOIN organizations o ON o.organization_id = ap.organization_id
    WHERE o.country_code <> 'CN'
), chinese AS (
    SELECT DISTINCT a.event_id, o.canonical_name
    FROM agreements a
    JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id
    JOIN organizations o ON o.organization_id = ap.organization_id
    WHERE o.country_code = 'CN'
)
SELECT f.country_code,
       list(DISTINCT f.canonical_name ORDER BY f.canonical_name) AS organizations,
       count(DISTINCT f.event_id) AS agreement_events,
       list(DISTINCT c.canonical_name ORDER BY c.canonical_name) FILTER (WHERE c.canonical_name IS NOT NULL) AS chinese_partners
FROM foreign_parties f
LEFT JOIN chinese c ON c.event_id = f.event_id
GROUP BY f.country_code
ORDER BY agreement_events DESC, f.country_code;

-- Q14. Which agreements are corroborated by more than one document?
-- Agreement events reported in two or more independent documents: the best-attested facts. document_count
-- counts a syndicated copy (documents.copy_of) as the document it copies, so a wire story reprinted on many
-- sites corroborates nothing; document_count_with_copies counts every reporting document.
-- columns: signed_on, agreement_type, party_names, document_count, document_count_with_copies, report_count
SELECT signed_on, agreement_type, party_names, document_count, document_count_with_copies, report_count
FROM agreement_events
WHERE document_count > 1
ORDER BY document_count DESC, signed_on DESC NULLS LAST, event_id;

-- Q15. What did validation reject, and why?
-- Quarantined records per table and reason: where the extraction needs attention.
-- columns: table_name, errors, records, documents
SELECT table_name, errors, count(*) AS records, count(DISTINCT document_id) AS documents
FROM rejected_records
GROUP BY table_name, errors
ORDER BY records DESC, table_name, errors;

-- Q16. Which stories were reprinted by other sites?
-- Groups of syndicated copies: each canonical document (published first) with its copies, where each appeared.
-- columns: title, published_on, source_path, copies, copy_paths, copy_urls
SELECT c.title, c.published_on, c.source_path, count(*) AS copies,
       list(d.source_path ORDER BY d.source_path) AS copy_paths,
       list(d.source_url ORDER BY d.source_path) FILTER (WHERE d.source_url IS NOT NULL) AS copy_urls
FROM documents d
JOIN documents c ON c.document_id = d.copy_of
GROUP BY c.document_id, c.title, c.published_on, c.source_path
ORDER BY copies DESC, c.published_on, c.source_path;
