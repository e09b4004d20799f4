//! Typed ARM resources, tolerant of what real traffic sends.
