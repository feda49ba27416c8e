#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A monotonic clock in nanoseconds, cheap enough to read around every measured call.
enum Monotonic {
    /// Nanoseconds since an arbitrary fixed point (CLOCK_MONOTONIC); only differences mean anything.
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Nanoseconds from `start` until now.
    static func since(_ start: UInt64) -> UInt64 {
        let end = now()
        return end >= start ? end - start : 0
    }
}
