//! Tests for jstr; expectations from tests/oracle/jstr.groovy.
