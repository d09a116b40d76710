-- Analysts' views of the cooperation warehouse (spec/DATA_CONTRACT.md, "Views for analysts").
-- Run by pipeline/core/publish.py after the tables are loaded. Every join to an optional
-- relation is a LEFT JOIN and every list is coalesced to an empty list, so the views work on
-- empty tables and on records with missing parts. Lists are ordered, so results are stable.

-- A date as text at the precision its source gives: '2016' (year), '2016-05' (month), else '2016-05-04'.
-- The DATE columns keep the contract's first-day-of-the-period convention; beside each one whose
-- precision is known, a view shows this text as <column>_text, so a year is not read as 1 January.
-- The text of a coarser date is a prefix of the finer ones in its period, so min() and max() of the
-- text are the text of the earliest and latest date.
CREATE OR REPLACE MACRO date_text(day, precision) AS
    CASE precision WHEN 'year' THEN strftime(day, '%Y') WHEN 'month' THEN strftime(day, '%Y-%m')
                   ELSE strftime(day, '%Y-%m-%d') END;

-- Counts of reporting documents count independent reports: a syndicated copy of a story (documents.copy_of,
-- pipeline/core/syndication.py) counts as its canonical document, so the same wire story on ten sites is one
-- report, not ten. Each such count has a *_with_copies twin that counts every document.
CREATE OR REPLACE MACRO independent_report(document_id, copy_of) AS coalesce(copy_of, document_id);

CREATE OR REPLACE VIEW agreement_overview AS
WITH parties AS (
    -- names and ids in the same order, so party_names[i] is the name of party_ids[i]
    SELECT ap.agreement_id,
           list(o.canonical_name ORDER BY o.canonical_name, ap.organization_id) AS party_names,
           list(ap.organization_id ORDER BY o.canonical_name, ap.organization_id) AS party_ids
    FROM (SELECT DISTINCT agreement_id, organization_id FROM agreement_parties) ap
    LEFT JOIN organizations o ON o.organization_id = ap.organization_id
    GROUP BY ap.agreement_id
), signers AS (
    SELECT s.agreement_id,
           list(DISTINCT p.full_name ORDER BY p.full_name) FILTER (WHERE s.role = 'signatory') AS signatory_names,
           list(DISTINCT p.full_name ORDER BY p.full_name) FILTER (WHERE s.role = 'witness') AS witness_names
    FROM agreement_signatories s
    LEFT JOIN people p ON p.person_id = s.person_id
    GROUP BY s.agreement_id
), activities AS (
    SELECT agreement_id, list(DISTINCT activity ORDER BY activity) AS activities
    FROM agreement_activities
    GROUP BY agreement_id
), domains AS (
    SELECT ad.agreement_id, list(DISTINCT cd.label ORDER BY cd.label) AS domain_labels
    FROM agreement_domains ad
    LEFT JOIN collaboration_domains cd ON cd.domain_id = ad.domain_id
    GROUP BY ad.agreement_id
)
SELECT a.agreement_id,
       a.event_id,
       a.document_id,
       d.title AS document_title,
       d.publisher AS document_publisher,
       d.published_on AS document_published_on,
       date_text(d.published_on, d.published_on_precision) AS document_published_on_text,
       d.source_url AS document_source_url,
       a.agreement_type,
       a.title AS agreement_title,
       a.signed_on,
       a.signed_on_precision,
       date_text(a.signed_on, a.signed_on_precision) AS signed_on_text,
       a.status,
       pl.name AS place_name,
       coalesce(pa.party_names, []::VARCHAR[]) AS party_names,
       coalesce(pa.party_ids, []::VARCHAR[]) AS party_ids,
       coalesce(sg.signatory_names, []::VARCHAR[]) AS signatory_names,
       coalesce(sg.witness_names, []::VARCHAR[]) AS witness_names,
       coalesce(ac.activities, []::VARCHAR[]) AS activities,
       coalesce(dm.domain_labels, []::VARCHAR[]) AS domain_labels,
       a.confidence,
       a.evidence
FROM agreements a
LEFT JOIN documents d ON d.document_id = a.document_id
LEFT JOIN places pl ON pl.place_id = a.place_id
LEFT JOIN parties pa ON pa.agreement_id = a.agreement_id
LEFT JOIN signers sg ON sg.agreement_id = a.agreement_id
LEFT JOIN activities ac ON ac.agreement_id = a.agreement_id
LEFT JOIN domains dm ON dm.agreement_id = a.agreement_id;

COMMENT ON VIEW agreement_overview IS 'One row per agreement report: event_id, document title and source URL, type, date, status, party, signatory and witness names, activities and domain labels (lists). The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';

CREATE OR REPLACE VIEW delegation_overview AS
SELECT dl.delegation_id,
       dl.event_id,
       dl.document_id,
       d.title AS document_title,
       d.source_url AS document_source_url,
       lp.full_name AS leader_name,
       dl.leader_title,
       coalesce(oo.canonical_name, op.name) AS origin_name,
       oo.canonical_name AS origin_organization_name,
       op.name AS origin_place_name,
       coalesce(ho.canonical_name, hp.name) AS host_name,
       ho.canonical_name AS host_organization_name,
       hp.name AS host_place_name,
       dl.member_count,
       dl.member_count_max,
       dl.visited_on,
       dl.visited_on_precision,
       date_text(dl.visited_on, dl.visited_on_precision) AS visited_on_text,
       dl.purpose,
       dl.status,
       dl.confidence,
       dl.evidence
FROM delegations dl
LEFT JOIN documents d ON d.document_id = dl.document_id
LEFT JOIN people lp ON lp.person_id = dl.leader_person_id
LEFT JOIN organizations oo ON oo.organization_id = dl.origin_organization_id
LEFT JOIN places op ON op.place_id = dl.origin_place_id
LEFT JOIN organizations ho ON ho.organization_id = dl.host_organization_id
LEFT JOIN places hp ON hp.place_id = dl.host_place_id;

COMMENT ON VIEW delegation_overview IS 'One row per delegation report: document title and source URL, leader name and title, origin and host (organisation, else place), size, date, status. The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';

CREATE OR REPLACE VIEW lab_overview AS
WITH domains AS (
    SELECT ld.lab_id, list(DISTINCT cd.label ORDER BY cd.label) AS domain_labels
    FROM lab_domains ld
    LEFT JOIN collaboration_domains cd ON cd.domain_id = ld.domain_id
    GROUP BY ld.lab_id
), reports AS (
    SELECT lm.lab_id,
           count(DISTINCT independent_report(lm.document_id, d.copy_of)) AS document_count,
           count(DISTINCT lm.document_id) AS document_count_with_copies,
           min(d.published_on) AS first_reported_on,
           max(d.published_on) AS last_reported_on,
           min(date_text(d.published_on, d.published_on_precision)) AS first_reported_on_text,
           max(date_text(d.published_on, d.published_on_precision)) AS last_reported_on_text
    FROM lab_mentions lm
    LEFT JOIN documents d ON d.document_id = lm.document_id
    GROUP BY lm.lab_id
)
SELECT l.lab_id,
       l.name,
       l.lab_type,
       l.status,
       l.established_year,
       h.canonical_name AS host_name,
       p.full_name AS director_name,
       coalesce(dm.domain_labels, []::VARCHAR[]) AS domain_labels,
       coalesce(r.document_count, 0) AS document_count,
       r.first_reported_on,
       r.first_reported_on_text,
       r.last_reported_on,
       r.last_reported_on_text,
       coalesce(r.document_count_with_copies, 0) AS document_count_with_copies
FROM labs l
LEFT JOIN organizations h ON h.organization_id = l.host_organization_id
LEFT JOIN people p ON p.person_id = l.director_person_id
LEFT JOIN domains dm ON dm.lab_id = l.lab_id
LEFT JOIN reports r ON r.lab_id = l.lab_id;

COMMENT ON VIEW lab_overview IS 'One row per lab: host and director names, domain labels (list), number of documents that report it (document_count: independent reports, a syndicated copy counting as the document it copies; document_count_with_copies: every document). The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';

CREATE OR REPLACE VIEW agreement_events AS
WITH reports AS (
    SELECT a.event_id,
           min(a.signed_on) AS signed_on,
           arg_min(a.signed_on_precision, a.signed_on) AS signed_on_precision,
           -- the type of the most confident report (ties: alphabetical), and all types seen
           list(a.agreement_type ORDER BY a.confidence DESC NULLS LAST, a.agreement_type)[1] AS agreement_type,
           list(DISTINCT a.agreement_type ORDER BY a.agreement_type) AS agreement_types,
           list(DISTINCT a.status ORDER BY a.status) AS statuses,
           count(*) AS report_count,
           count(DISTINCT independent_report(a.document_id, d.copy_of)) AS document_count,
           count(DISTINCT a.document_id) AS document_count_with_copies,
           min(d.published_on) AS first_reported_on,
           min(date_text(d.published_on, d.published_on_precision)) AS first_reported_on_text,
           max(a.confidence) AS confidence
    FROM agreements a
    LEFT JOIN documents d ON d.document_id = a.document_id
    GROUP BY a.event_id
), parties AS (
    -- names and ids in the same order, so party_names[i] is the name of party_ids[i]
    SELECT ep.event_id,
           list(o.canonical_name ORDER BY o.canonical_name, ep.organization_id) AS party_names,
           list(ep.organization_id ORDER BY o.canonical_name, ep.organization_id) AS party_ids
    FROM (SELECT DISTINCT a.event_id, ap.organization_id
          FROM agreements a
          JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id) ep
    LEFT JOIN organizations o ON o.organization_id = ep.organization_id
    GROUP BY ep.event_id
)
SELECT r.event_id,
       r.signed_on,
       r.signed_on_precision,
       date_text(r.signed_on, r.signed_on_precision) AS signed_on_text,
       r.agreement_type,
       r.agreement_types,
       r.statuses,
       coalesce(p.party_names, []::VARCHAR[]) AS party_names,
       coalesce(p.party_ids, []::VARCHAR[]) AS party_ids,
       r.report_count,
       r.document_count,
       r.first_reported_on,
       r.first_reported_on_text,
       r.confidence,
       r.document_count_with_copies
FROM reports r
LEFT JOIN parties p ON p.event_id = r.event_id;

COMMENT ON VIEW agreement_events IS 'One row per real-world agreement (event_id): earliest signing date, type, parties across all reports, number of reporting documents (document_count: independent reports, a syndicated copy counting as the document it copies, so document_count > 1 means corroborated by another source; document_count_with_copies: every document). The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';

CREATE OR REPLACE VIEW collaboration_network AS
WITH event_parties AS (
    SELECT DISTINCT a.event_id, ap.organization_id
    FROM agreements a
    JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id
), event_dates AS (
    SELECT event_id, min(signed_on) AS signed_on, min(date_text(signed_on, signed_on_precision)) AS signed_on_text
    FROM agreements
    GROUP BY event_id
), pairs AS (
    SELECT x.organization_id AS organization_a_id,
           y.organization_id AS organization_b_id,
           count(DISTINCT x.event_id) AS event_count,
           min(e.signed_on) AS first_signed_on,
           max(e.signed_on) AS last_signed_on,
           min(e.signed_on_text) AS first_signed_on_text,
           max(e.signed_on_text) AS last_signed_on_text,
           list(DISTINCT x.event_id ORDER BY x.event_id) AS event_ids
    FROM event_parties x
    JOIN event_parties y ON y.event_id = x.event_id AND x.organization_id < y.organization_id
    LEFT JOIN event_dates e ON e.event_id = x.event_id
    GROUP BY x.organization_id, y.organization_id
)
SELECT p.organization_a_id,
       oa.canonical_name AS organization_a_name,
       p.organization_b_id,
       ob.canonical_name AS organization_b_name,
       p.event_count,
       p.first_signed_on,
       p.first_signed_on_text,
       p.last_signed_on,
       p.last_signed_on_text,
       p.event_ids
FROM pairs p
LEFT JOIN organizations oa ON oa.organization_id = p.organization_a_id
LEFT JOIN organizations ob ON ob.organization_id = p.organization_b_id;

COMMENT ON VIEW collaboration_network IS 'One row per unordered pair of organisations (organization_a_id < organization_b_id) that are parties to a common agreement event: distinct events, first and last signing date (the earliest date of each event). The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';

-- Views that answer analysts' common questions (added for the report and docs/queries.sql).

CREATE OR REPLACE VIEW agreements_by_region_year AS
WITH event_regions AS (
    -- an event counts once for every region that one of its parties is in
    SELECT DISTINCT a.event_id, ap.organization_id, o.region_code, o.country_code
    FROM agreements a
    JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id
    LEFT JOIN organizations o ON o.organization_id = ap.organization_id
), event_years AS (
    SELECT event_id, year(min(signed_on)) AS signed_year
    FROM agreements
    GROUP BY event_id
), region_names AS (
    SELECT region_code, min(name) AS region_name
    FROM places
    WHERE place_type IN ('province', 'municipality', 'special_administrative_region') AND region_code IS NOT NULL
    GROUP BY region_code
)
SELECT r.region_code,
       n.region_name,
       r.country_code,
       y.signed_year,
       count(DISTINCT r.event_id) AS event_count,
       count(DISTINCT r.organization_id) AS organization_count
FROM event_regions r
JOIN event_years y ON y.event_id = r.event_id
LEFT JOIN region_names n ON n.region_code = r.region_code
GROUP BY r.region_code, n.region_name, r.country_code, y.signed_year;

COMMENT ON VIEW agreements_by_region_year IS 'Agreement events per region and year: one row per (ISO 3166-2 region of a party, country, year of the earliest signing date); an event with parties in two regions counts in both; signed_year is NULL for undated events.';

CREATE OR REPLACE VIEW organization_connections AS
WITH event_parties AS (
    SELECT DISTINCT a.event_id, ap.organization_id
    FROM agreements a
    JOIN agreement_parties ap ON ap.agreement_id = a.agreement_id
), events AS (
    SELECT organization_id, count(*) AS agreement_event_count
    FROM event_parties
    GROUP BY organization_id
), partners AS (
    SELECT x.organization_id, count(DISTINCT y.organization_id) AS partner_count
    FROM event_parties x
    JOIN event_parties y ON y.event_id = x.event_id AND y.organization_id <> x.organization_id
    GROUP BY x.organization_id
), visits AS (
    SELECT organization_id, count(DISTINCT event_id) AS delegation_event_count
    FROM (SELECT event_id, origin_organization_id AS organization_id FROM delegations
          UNION ALL
          SELECT event_id, host_organization_id FROM delegations)
    WHERE organization_id IS NOT NULL
    GROUP BY organization_id
), hosted AS (
    SELECT host_organization_id AS organization_id, count(*) AS lab_count
    FROM labs
    WHERE host_organization_id IS NOT NULL
    GROUP BY host_organization_id
), active AS (
    SELECT organization_id FROM events
    UNION SELECT organization_id FROM visits
    UNION SELECT organization_id FROM hosted
)
SELECT ac.organization_id,
       o.canonical_name,
       o.org_type,
       o.region_code,
       o.country_code,
       coalesce(e.agreement_event_count, 0) AS agreement_event_count,
       coalesce(p.partner_count, 0) AS partner_count,
       coalesce(v.delegation_event_count, 0) AS delegation_event_count,
       coalesce(h.lab_count, 0) AS lab_count
FROM active ac
LEFT JOIN organizations o ON o.organization_id = ac.organization_id
LEFT JOIN events e ON e.organization_id = ac.organization_id
LEFT JOIN partners p ON p.organization_id = ac.organization_id
LEFT JOIN visits v ON v.organization_id = ac.organization_id
LEFT JOIN hosted h ON h.organization_id = ac.organization_id;

COMMENT ON VIEW organization_connections IS 'One row per organisation that is a party to an agreement, sends or hosts a delegation, or hosts a lab: distinct agreement events, distinct partners in those events, delegation events and labs. Rank by partner_count for the most connected organisations.';

CREATE OR REPLACE VIEW labs_by_host AS
SELECT l.host_organization_id,
       h.canonical_name AS host_name,
       h.org_type AS host_org_type,
       h.region_code AS host_region_code,
       count(*) AS lab_count,
       count(*) FILTER (WHERE l.status = 'established') AS established_count,
       list(l.name ORDER BY l.name, l.lab_id) AS lab_names,
       list(DISTINCT l.lab_type ORDER BY l.lab_type) AS lab_types
FROM labs l
LEFT JOIN organizations h ON h.organization_id = l.host_organization_id
GROUP BY l.host_organization_id, h.canonical_name, h.org_type, h.region_code;

COMMENT ON VIEW labs_by_host IS 'One row per host organisation of labs (one row with a NULL host for labs whose host is unknown): number of labs, how many were reported as newly established, lab names and types (lists).';

CREATE OR REPLACE VIEW fields_by_major_area AS
-- each count is aggregated on its own before the join, so one busy field does not multiply the others
WITH documents_per_major AS (
    SELECT cd.major_id,
           count(DISTINCT independent_report(dd.document_id, d.copy_of)) AS document_count,
           count(DISTINCT dd.document_id) AS document_count_with_copies
    FROM document_domains dd
    JOIN collaboration_domains cd ON cd.domain_id = dd.domain_id
    LEFT JOIN documents d ON d.document_id = dd.document_id
    GROUP BY cd.major_id
), agreements_per_major AS (
    SELECT cd.major_id, count(DISTINCT a.event_id) AS agreement_event_count
    FROM agreement_domains ad
    JOIN agreements a ON a.agreement_id = ad.agreement_id
    JOIN collaboration_domains cd ON cd.domain_id = ad.domain_id
    GROUP BY cd.major_id
), labs_per_major AS (
    SELECT cd.major_id, count(DISTINCT ld.lab_id) AS lab_count
    FROM lab_domains ld
    JOIN collaboration_domains cd ON cd.domain_id = ld.domain_id
    GROUP BY cd.major_id
), majors AS (
    SELECT major_id, min(major_label) AS major_label, count(*) AS field_count
    FROM collaboration_domains
    GROUP BY major_id
)
SELECT m.major_id,
       m.major_label,
       m.field_count,
       coalesce(d.document_count, 0) AS document_count,
       coalesce(a.agreement_event_count, 0) AS agreement_event_count,
       coalesce(l.lab_count, 0) AS lab_count,
       coalesce(d.document_count_with_copies, 0) AS document_count_with_copies
FROM majors m
LEFT JOIN documents_per_major d ON d.major_id = m.major_id
LEFT JOIN agreements_per_major a ON a.major_id = m.major_id
LEFT JOIN labs_per_major l ON l.major_id = m.major_id;

COMMENT ON VIEW fields_by_major_area IS 'One row per FOS 2007 major area (1 Natural sciences ... 6 Humanities and the arts): fields in the taxonomy, documents that name one of its fields (document_count: independent reports, a syndicated copy counting as the document it copies; document_count_with_copies: every document), agreement events and labs that cover one.';

CREATE OR REPLACE VIEW fact_evidence AS
WITH facts AS (
SELECT 'agreement' AS fact_type,
       a.agreement_id AS fact_id,
       a.event_id,
       a.document_id,
       a.signed_on AS fact_date,
       date_text(a.signed_on, a.signed_on_precision) AS fact_date_text,
       a.agreement_type AS fact_kind,
       array_to_string(ao.party_names, '; ') AS summary,
       a.evidence,
       a.evidence_start,
       a.evidence_end
FROM agreements a
LEFT JOIN agreement_overview ao ON ao.agreement_id = a.agreement_id
UNION ALL
SELECT 'delegation', dl.delegation_id, dl.event_id, dl.document_id, dl.visited_on,
       date_text(dl.visited_on, dl.visited_on_precision), dl.status,
       concat_ws(' -> ', coalesce(v.origin_name, '?'), coalesce(v.host_name, '?')),
       dl.evidence, dl.evidence_start, dl.evidence_end
FROM delegations dl
LEFT JOIN delegation_overview v ON v.delegation_id = dl.delegation_id
UNION ALL
SELECT 'lab', lm.lab_id, NULL, lm.document_id, NULL, NULL, l.lab_type, l.name,
       lm.evidence, lm.evidence_start, lm.evidence_end
FROM lab_mentions lm
LEFT JOIN labs l ON l.lab_id = lm.lab_id
)
SELECT f.*, d.title AS document_title, d.source_path, d.published_on AS reported_on,
       date_text(d.published_on, d.published_on_precision) AS reported_on_text, d.source_url,
       d.copy_of AS document_copy_of
FROM facts f
LEFT JOIN documents d ON d.document_id = f.document_id;

COMMENT ON VIEW fact_evidence IS 'Every agreement, delegation and lab report with its evidence sentence and offsets into documents.clean_text: fact_type, fact_id, event_id, document_id, fact_date (signing or visit date; NULL for labs), fact_kind (agreement type, visit status or lab type), a one-line summary, and the document''s title, source path, publication date (reported_on) and source URL (where it was published, when known), and document_copy_of, the document it is a syndicated copy of (NULL for an independent report). The *_text columns give the date beside them at its precision (''2016'', ''2016-05'' or ''2016-05-04'').';
