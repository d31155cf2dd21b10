//! How the C allocator is told to behave in the app (glibc on Linux; elsewhere nothing is
//! done). By default glibc gives every thread that allocates an arena of its own and keeps
//! the memory each frees for that thread, and it raises its threshold for mapping large
//! blocks each time one is freed, so that later large buffers stay in the heap. The app's
//! loaders and workers (decks on every core, the quiz index, search, statistics) allocate
//! and free tens of megabytes on other threads: measured at 100,000 cards, a quarter of the
//! app's memory was memory freed but kept. One arena, and large blocks always mapped (and so
//! given back when freed), keep the app's memory what it uses.

/// Sets the allocator up; call first thing, before any other thread starts.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_MMAP_THRESHOLD: i32 = -3;
        const M_ARENA_MAX: i32 = -8;
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        // SAFETY: mallopt only changes the allocator's settings; it is called before any
        // thread but this one exists.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
            mallopt(M_MMAP_THRESHOLD, 256 * 1024);
        }
    }
}

/// Gives the pages freed after a large piece of work (building the quiz index) back to the
/// system: glibc keeps free memory in the middle of its heap resident otherwise.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only releases free pages of the allocator's own heap.
        unsafe {
            malloc_trim(0);
        }
    }
}
