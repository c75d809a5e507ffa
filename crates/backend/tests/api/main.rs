//! Black-box tests: the real backend on a free port, talking HTTP to the real Alcméon emulator.

mod helpers;
mod replica;
mod sessions;
mod webhook;
