#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open-file limit: 1,000 WebSocket clients plus the hub's own sockets need more than the usual 1,024.
enum ResourceLimits {
    /// Raises the soft limit on open files to at least `wanted` (capped by the hard limit); the hub
    /// started afterwards inherits it. Returns the soft limit now in force.
    @discardableResult
    static func raiseOpenFiles(to wanted: UInt64) -> UInt64 {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_ID, &limit) == 0 else { return 0 }
        let current = UInt64(limit.rlim_cur)
        guard current < wanted else { return current }
        limit.rlim_cur = rlim_t(min(wanted, UInt64(limit.rlim_max)))
        guard setrlimit(RLIMIT_NOFILE_ID, &limit) == 0 else { return current }
        return UInt64(limit.rlim_cur)
    }

    #if canImport(Glibc)
    private static let RLIMIT_NOFILE_ID = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let RLIMIT_NOFILE_ID = RLIMIT_NOFILE
    #endif
}
