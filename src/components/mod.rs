mod message;
mod thread;

pub use thread::Thread;
