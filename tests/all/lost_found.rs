//! lost_found register: life cycle tests.
use crate::common::*;
