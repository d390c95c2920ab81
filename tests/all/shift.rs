//! shift register: life cycle tests.
use crate::common::*;
