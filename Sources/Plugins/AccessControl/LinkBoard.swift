import HubCore
import Synchronization

/// The instance's ``LinkStatus``, written by its port loop and read by ``AccessControlPlugin/link``.
final class LinkBoard: Sendable {
    private let state: Mutex<LinkStatus>

    init(_ initial: LinkStatus) {
        state = Mutex(initial)
    }

    /// The current status.
    var status: LinkStatus { state.withLock { $0 } }

    /// Replaces the status.
    func set(_ status: LinkStatus) {
        state.withLock { $0 = status }
    }
}
