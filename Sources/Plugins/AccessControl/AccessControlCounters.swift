import Synchronization

/// The instance's ``AccessControlStatistics``, shared by its reading task and readers of ``AccessControlPlugin/statistics``.
final class AccessControlCounters: Sendable {
    private let state = Mutex(AccessControlStatistics())

    /// Changes the counters.
    func update(_ body: (inout AccessControlStatistics) -> Void) {
        state.withLock { body(&$0) }
    }

    /// Counts one problem.
    func count(_ problem: AccessControlProblem) {
        update { $0[problem] += 1 }
    }

    /// A copy of the counters.
    var snapshot: AccessControlStatistics { state.withLock { $0 } }
}
