-- =============================================================================================
-- Kontinuitet hos läkare i primärvården, i regionens eget datalager
--
-- Samma definitioner som appen Kapacitet räknar med (domain.md §6), skrivna en gång till som
-- vanlig SQL (CTE, CASE, GROUP BY, AVG; inga leverantörsspecifika funktioner). Appens tester kör
-- filen i DuckDB på samma testdata som appens beräkning och kräver samma resultat per patient och
-- per enhet (tests/lib/engine/followup/continuity.sql.test.ts).
--
-- Mått per patient, över patientens läkarkontakter i urvalet (n = antal kontakter, nⱼ = antal
-- kontakter hos läkare j):
--   andel hos fast läkarkontakt = kontakter hos patientens fasta läkarkontakt ÷ n
--   UPC (usual provider of care)  = största nⱼ ÷ n
--   COC, Bice och Boxermans kontinuitetsindex (1977) = (Σⱼ nⱼ² − n) ÷ (n × (n − 1));
--       1 = alla kontakter hos samma läkare, 0 = aldrig samma läkare två gånger; odefinierat (NULL)
--       för en enda kontakt.
-- Per enhet: medelvärdet över enhetens patienter som räknas (och antalet patienter).
--
-- ---------------------------------------------------------------------------------------------
-- Indata som regionen har (namnen kan bytas mot egna vyer med samma kolumner):
--
--   contacts  en rad per läkarkontakt
--     patient_key   pseudonym patientnyckel (aldrig personnummer i klartext)
--     contact_date  DATE
--     doctor_key    läkarens nyckel (t.ex. HSA-id)
--     contact_type  kontakttyp med regionens egna koder; vilka som räknas väljs i
--                   continuity_contact_types. Appens ord: 'visit' (besök på mottagningen eller i
--                   hemmet), 'video', 'phone', 'chat', 'other'.
--     unit          enheten där kontakten ägde rum (samma koder som listing.unit)
--
--   listing   EN rad per listad patient (primärnyckel patient_key)
--     patient_key
--     unit              enheten där patienten är listad
--     named_doctor_key  patientens fasta läkarkontakt (NULL när ingen finns eller den är okänd)
--   Patienter som saknas här räknas som icke listade: de tas med bara när listed_only = 0, och då
--   under enheten NULL.
--
-- Parametrar (samma som i appen; den som kör fyller i de två tabellerna nedan):
--
--   continuity_params        exakt EN rad
--     period_start, period_end  perioden, båda dagarna inräknade
--     min_contacts              minsta antal kontakter i urvalet för att en patient ska räknas (≥ 1)
--     own_unit_only             1 = bara kontakter på enheten där patienten är listad; 0 = alla
--     listed_only               1 = bara listade patienter (som finns i listing); 0 = alla
--   continuity_contact_types  de kontakttyper som räknas, en rad per kod
--
-- Definitioner i appen:
--   Standard (12 månader):            12 månader, min_contacts 3, typerna visit, video, phone, chat,
--                                     own_unit_only 0, listed_only 0
--   SKR Primärvårdskvalitet (18 mån): 18 månader, min_contacts 3, bara besök (visit),
--                                     own_unit_only 1, listed_only 1 — "listade patienter som gjort
--                                     minst 3 besök de senaste 18 månaderna; bara besök på den enhet
--                                     man är listad räknas"
--   Appens panel Uppföljning → Kontinuitet visar de exakta parametrarna för det urval som visas,
--   färdiga att klistra in.
--
-- Exempel, SKR:s definition med mätperioden t.o.m. 2025-12-31:
--   DELETE FROM continuity_params;
--   INSERT INTO continuity_params (period_start, period_end, min_contacts, own_unit_only, listed_only)
--     VALUES (CAST('2024-07-01' AS DATE), CAST('2025-12-31' AS DATE), 3, 1, 1);
--   DELETE FROM continuity_contact_types;
--   INSERT INTO continuity_contact_types (contact_type) VALUES ('visit');
--   SELECT * FROM continuity_unit ORDER BY unit;
--
-- Resultat:
--   continuity_patient  en rad per patient som räknas (för kontroll; lämna aldrig ut den)
--   continuity_unit     en rad per enhet där patienterna är listade
--   continuity_total    en rad för hela urvalet (som appens siffror för en enhets egen logg)
-- =============================================================================================

CREATE TABLE continuity_params (
  period_start  DATE    NOT NULL,
  period_end    DATE    NOT NULL,
  min_contacts  INTEGER NOT NULL,
  own_unit_only INTEGER NOT NULL,
  listed_only   INTEGER NOT NULL
);

CREATE TABLE continuity_contact_types (
  contact_type VARCHAR(64) NOT NULL
);

-- Kontakterna i urvalet: i perioden, av valda typer, med patient och läkare; med own_unit_only bara
-- på enheten där patienten är listad (en kontakt utan enhet räknas då inte); med listed_only bara
-- listade patienter. Patientens listning (enhet, fast läkarkontakt) följer med varje kontakt.
CREATE VIEW continuity_scope AS
SELECT c.patient_key, c.doctor_key, l.unit AS listed_unit, l.named_doctor_key
FROM contacts c
CROSS JOIN continuity_params p
LEFT JOIN listing l ON l.patient_key = c.patient_key
WHERE c.contact_date >= p.period_start
  AND c.contact_date <= p.period_end
  AND c.contact_type IN (SELECT t.contact_type FROM continuity_contact_types t)
  AND c.patient_key IS NOT NULL
  AND c.doctor_key IS NOT NULL
  AND (p.listed_only = 0 OR l.unit IS NOT NULL)
  AND (p.own_unit_only = 0 OR c.unit = l.unit);

-- nⱼ: kontakter per patient och läkare (listningen är densamma på patientens alla rader).
CREATE VIEW continuity_patient_doctor AS
SELECT patient_key,
       doctor_key,
       MAX(listed_unit)      AS listed_unit,
       MAX(named_doctor_key) AS named_doctor_key,
       COUNT(*)              AS n_j
FROM continuity_scope
GROUP BY patient_key, doctor_key;

-- Per patient med minst min_contacts kontakter. Talen delas som flyttal (DOUBLE PRECISION) så att
-- ingen databas gör heltalsdivision.
CREATE VIEW continuity_patient AS
WITH tallies AS (
  SELECT patient_key,
         MAX(listed_unit)      AS listed_unit,
         MAX(named_doctor_key) AS named_doctor_key,
         SUM(n_j)              AS n,
         SUM(n_j * n_j)        AS sum_squares,
         MAX(n_j)              AS max_j,
         SUM(CASE WHEN doctor_key = named_doctor_key THEN n_j ELSE 0 END) AS n_named
  FROM continuity_patient_doctor
  GROUP BY patient_key
)
SELECT t.patient_key,
       t.listed_unit,
       t.n AS contacts,
       CASE WHEN t.named_doctor_key IS NULL THEN NULL ELSE t.n_named END AS named_contacts,
       CAST(t.max_j AS DOUBLE PRECISION) / t.n AS upc,
       CASE WHEN t.n >= 2
            THEN CAST(t.sum_squares - t.n AS DOUBLE PRECISION) / (CAST(t.n AS DOUBLE PRECISION) * (t.n - 1))
       END AS coc,
       CASE WHEN t.named_doctor_key IS NULL THEN NULL
            ELSE CAST(t.n_named AS DOUBLE PRECISION) / t.n
       END AS named_share
FROM tallies t
CROSS JOIN continuity_params p
WHERE t.n >= p.min_contacts;

-- Per enhet där patienterna är listade. AVG hoppar över NULL: COC-medlet är över patienter med minst
-- två kontakter, andelen hos fast läkarkontakt över patienter med känd fast läkarkontakt.
CREATE VIEW continuity_unit AS
SELECT listed_unit         AS unit,
       COUNT(*)            AS patients_included,
       SUM(contacts)       AS contacts_included,
       AVG(upc)            AS mean_upc,
       AVG(coc)            AS mean_coc,
       COUNT(named_share)  AS patients_with_named,
       AVG(named_share)    AS mean_named_share
FROM continuity_patient
GROUP BY listed_unit;

-- Hela urvalet.
CREATE VIEW continuity_total AS
SELECT COUNT(*)            AS patients_included,
       SUM(contacts)       AS contacts_included,
       AVG(upc)            AS mean_upc,
       AVG(coc)            AS mean_coc,
       COUNT(named_share)  AS patients_with_named,
       AVG(named_share)    AS mean_named_share
FROM continuity_patient;
