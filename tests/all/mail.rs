//! mail register: life cycle tests.
use crate::common::*;
