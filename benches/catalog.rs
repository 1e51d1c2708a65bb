//! Benchmarks of catalog loading (filled in below).
fn main() {}
