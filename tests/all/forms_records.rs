//! Printed forms: forms_records.
