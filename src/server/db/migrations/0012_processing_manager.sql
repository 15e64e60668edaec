-- The 1992 "gestionnaire du traitement" (law of 8 December 1992, art. 1 §7 as published, and
-- art. 17 §3 3° before 2007; SPEC ROL-14, DCL-06): the person entrusted with organising and
-- running the processing, kept for 1992-format notices and declarations. Optional.
ALTER TABLE organisations
  ADD COLUMN processing_manager_name text CHECK (processing_manager_name <> ''),
  ADD COLUMN processing_manager_address text CHECK (processing_manager_address <> ''),
  ADD CHECK ((processing_manager_name IS NULL) = (processing_manager_address IS NULL));

GRANT UPDATE (processing_manager_name, processing_manager_address) ON organisations TO concerto_app;
