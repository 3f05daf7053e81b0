-- A buyer message covered by a verified abuse report (clause 4.3) is left out of the performance evaluation;
-- excluded_by names the report, excluded_at when it was verified.
ALTER TABLE message ADD COLUMN excluded_by VARCHAR(40);
ALTER TABLE message ADD COLUMN excluded_at TIMESTAMP WITH TIME ZONE;
