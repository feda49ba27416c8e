/// Whether a schedule is open at an instant, and if not, why (ROUTE-7).
public enum ScheduleState: Sendable, Hashable, Codable {
    /// Within office hours (or forced open).
    case open
    /// Closed for the given reason.
    case closed(ClosedReason)

    /// Why a schedule is closed; the router picks the message and destination from it.
    public enum ClosedReason: Sendable, Hashable, Codable {
        /// Outside the weekly office hours.
        case afterHours
        /// On a holiday (outside its special hours, if any).
        case holiday(name: String)
        /// Night mode switched on by hand.
        case nightMode
    }

    /// Whether calls are taken.
    public var isOpen: Bool { self == .open }
}
