//! Printed forms: forms_reports.
