-- Synthetic clinic data for ReportKit's quality-report fixtures (made here; no real people).
-- Built into clinic.db by make_fixtures.py: sqlite3 clinic.db < clinic.sql
CREATE TABLE participant (
    participant_id TEXT PRIMARY KEY,
    sex TEXT,
    age_at_enrollment INTEGER,
    ethnicity TEXT,
    enrolled_on DATE,
    consent_code TEXT
);
CREATE TABLE biospecimen (
    biospecimen_id TEXT PRIMARY KEY,
    participant_id TEXT REFERENCES participant (participant_id),
    composition TEXT,
    volume_ul REAL,
    shipped_on DATE,
    visible BOOLEAN,
    consent_code TEXT
);
CREATE TABLE visits (
    visit_id INTEGER PRIMARY KEY,
    participant_id TEXT REFERENCES participant (participant_id),
    visited_at TIMESTAMP,
    site TEXT
);
BEGIN;
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0001', 'Unknown', 76, 'Not Hispanic or Latino', '2023-01-05', 'HMB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0002', 'Female', 28, 'N/A', '2023-09-13', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0003', 'Female', 12, NULL, '2023-03-25', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0004', 'Female', 62, 'N/A', '2023-06-07', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0005', 'Female', 9, 'N/A', '2023-06-20', 'GRU');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0006', 'Unknown', 37, 'Not Hispanic or Latino', '2023-11-07', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0007', 'Male', 52, NULL, '2023-09-05', 'GRU-IRB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0008', 'Female', 6, 'N/A', '2023-07-27', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0009', 'Male', 66, 'Hispanic or Latino', '2023-05-09', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0010', 'Unknown', 30, 'Not Hispanic or Latino', '2023-08-06', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0011', 'Unknown', NULL, 'N/A', '2023-09-18', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0012', 'Unknown', 7, NULL, '2023-07-14', 'GRU');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0013', 'Female', 51, 'Not Hispanic or Latino', '2023-08-22', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0014', 'Female', 22, NULL, '2023-04-15', 'GRU-IRB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0015', 'Male', 9, NULL, '2023-12-05', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0016', 'Female', 68, 'N/A', '2023-01-17', 'GRU-IRB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0017', 'Male', 50, 'Hispanic or Latino', '2023-03-06', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0018', 'Female', 73, 'Not Hispanic or Latino', '2023-02-12', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0019', 'Female', 39, NULL, '2023-06-18', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0020', 'Female', 58, 'Not Hispanic or Latino', '2023-06-14', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0021', 'Unknown', 20, 'Hispanic or Latino', '2023-12-23', 'GRU');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0022', 'Male', NULL, 'N/A', '2023-02-21', 'DS-CA');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0023', 'Unknown', 9, NULL, '2023-12-25', 'HMB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0024', 'Unknown', 19, 'Not Hispanic or Latino', '2023-05-11', 'GRU');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0025', 'Unknown', 67, 'Hispanic or Latino', '2023-10-11', 'GRU-IRB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0026', 'Female', 62, 'Not Hispanic or Latino', '2023-04-21', NULL);
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0027', 'Female', 15, 'Not Hispanic or Latino', '2023-03-03', 'GRU');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0028', 'Female', 71, 'N/A', '2023-02-13', 'GRU-IRB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0029', 'Unknown', 28, 'N/A', '2023-11-17', 'HMB');
INSERT INTO participant (participant_id, sex, age_at_enrollment, ethnicity, enrolled_on, consent_code) VALUES ('PT_0030', 'Female', 70, 'N/A', '2023-09-09', 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0001', 'PT_0022', 'Bone Marrow', 464.0, '2024-03-22', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0002', 'PT_0010', 'Bone Marrow', 119.5, '2024-02-26', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0003', 'PT_0023', 'Saliva', 339.1, '2024-02-14', 0, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0004', 'PT_0015', 'Bone Marrow', 299.05, '2024-03-22', 1, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0005', 'PT_0008', 'Peripheral Whole Blood', 125.41, '2024-01-03', 1, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0006', 'PT_0019', 'Bone Marrow', 450.0, '2024-03-01', 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0007', 'PT_0007', 'Bone Marrow', 138.49, '2024-03-16', 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0008', 'PT_0004', 'Bone Marrow', 432.55, '2024-02-18', 1, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0009', 'PT_0013', 'Tumor', NULL, '2024-03-23', 0, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0010', 'PT_0028', 'Plasma', 254.3, '2024-02-04', 0, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0011', 'PT_0010', 'Saliva', 478.3, '2024-02-23', 1, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0012', 'PT_0019', 'Plasma', 450.39, '2024-01-05', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0013', 'PT_0022', 'Saliva', 365.37, NULL, 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0014', 'PT_0029', 'Peripheral Whole Blood', 121.57, '2024-02-26', 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0015', 'PT_0011', 'Saliva', 211.0, '2024-02-06', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0016', 'PT_0010', 'Bone Marrow', 169.69, '2024-02-11', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0017', 'PT_0010', 'Bone Marrow', 51.79, '2024-02-03', 1, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0018', 'PT_0012', 'Plasma', NULL, '2024-02-24', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0019', 'PT_0026', 'Bone Marrow', 341.0, '2024-02-12', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0020', 'PT_0012', 'Bone Marrow', 352.0, '2024-03-09', 1, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0021', 'PT_0011', 'Peripheral Whole Blood', 431.2, '2024-01-10', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0022', 'PT_0025', 'Bone Marrow', 393.8, '2024-02-05', 0, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0023', 'PT_0023', 'Bone Marrow', 242.8, '2024-03-06', 0, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0024', 'PT_0007', 'Peripheral Whole Blood', 487.0, '2024-03-19', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0025', 'PT_0022', 'Tumor', 236.5, '2024-02-18', 1, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0026', 'PT_0019', 'Saliva', 235.0, NULL, 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0027', 'PT_0017', 'Plasma', NULL, '2024-01-07', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0028', 'PT_0009', 'Bone Marrow', 472.2, '2024-03-27', 1, 'DS-CA');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0029', 'PT_0019', 'Tumor', 424.5, '2024-01-08', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0030', 'PT_0023', 'Peripheral Whole Blood', 466.02, '2024-03-08', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0031', 'PT_0024', 'Saliva', 277.42, '2024-03-27', 1, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0032', 'PT_0002', 'Bone Marrow', 75.7, '2024-01-12', 1, 'HMB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0033', 'PT_0010', 'Saliva', 116.42, '2024-01-11', 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0034', 'PT_0018', 'Saliva', 411.5, '2024-03-12', 0, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0035', 'PT_0007', 'Tumor', 377.0, '2024-01-08', 1, NULL);
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0036', 'PT_0024', 'Saliva', NULL, '2024-03-26', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0037', 'PT_0007', 'Bone Marrow', 310.72, '2024-01-07', 1, 'GRU-IRB');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0038', 'PT_0021', 'Bone Marrow', 424.7, '2024-02-16', 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0039', 'PT_0010', 'Plasma', 203.18, NULL, 1, 'GRU');
INSERT INTO biospecimen (biospecimen_id, participant_id, composition, volume_ul, shipped_on, visible, consent_code) VALUES ('BS_0040', 'PT_0008', 'Bone Marrow', 128.35, '2024-03-12', 1, 'GRU');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (1, 'PT_0011', '2024-03-28T16:15:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (2, 'PT_0005', '2024-01-01T08:15:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (3, 'PT_0014', '2024-01-13T07:15:00Z', 'Tromsø');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (4, 'PT_0017', '2024-01-20T15:00:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (5, 'PT_0005', '2024-02-13T10:00:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (6, 'PT_0001', '2024-03-27T12:00:00Z', 'Tromsø');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (7, 'PT_0015', '2024-03-11T11:45:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (8, 'PT_0010', '2024-02-04T07:00:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (9, 'PT_0013', '2024-01-07T09:30:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (10, 'PT_0025', '2024-03-03T12:30:00Z', NULL);
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (11, 'PT_0016', '2024-02-19T16:00:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (12, 'PT_0015', '2024-02-02T11:45:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (13, 'PT_0009', '2024-03-21T14:15:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (14, 'PT_0012', '2024-01-03T17:30:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (15, 'PT_0028', '2024-02-28T14:15:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (16, 'PT_0025', '2024-01-04T15:30:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (17, 'PT_0013', '2024-01-08T16:00:00Z', 'Tromsø');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (18, 'PT_0013', '2024-01-05T16:30:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (19, 'PT_0009', '2024-01-10T10:45:00Z', 'Tromsø');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (20, 'PT_0021', '2024-03-16T17:30:00Z', NULL);
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (21, 'PT_0029', '2024-02-11T07:30:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (22, 'PT_0024', '2024-03-23T11:15:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (23, 'PT_0001', '2024-02-13T09:30:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (24, 'PT_0016', '2024-02-28T17:30:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (25, 'PT_0012', '2024-01-07T07:00:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (26, 'PT_0021', '2024-01-17T08:30:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (27, 'PT_0027', '2024-01-28T10:15:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (28, 'PT_0030', '2024-03-28T17:15:00Z', 'Tromsø');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (29, 'PT_0010', '2024-02-02T11:15:00Z', 'Philadelphia');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (30, 'PT_0006', '2024-03-10T15:45:00Z', NULL);
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (31, 'PT_0010', '2024-01-17T16:00:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (32, 'PT_0028', '2024-02-12T12:15:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (33, 'PT_0010', '2024-01-18T11:45:00Z', 'São Paulo');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (34, 'PT_0005', '2024-01-16T10:30:00Z', 'Kraków');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (35, 'PT_0006', '2024-03-24T15:45:00Z', 'Zürich');
INSERT INTO visits (visit_id, participant_id, visited_at, site) VALUES (36, 'PT_0029', '2024-03-23T15:30:00Z', 'Zürich');
COMMIT;
