/// Who or what made a presence change (PRES-8); every change records it.
public enum PresenceSource: String, Codable, Sendable, CaseIterable, Hashable {
    /// The user, from a client, the web page or a DTMF menu.
    case user
    /// A main admin or operator on the user's behalf.
    case admin
    /// A door-badge or time-attendance stamp.
    case accessControl = "access_control"
    /// A calendar entry.
    case calendar
    /// The SIP front end (registrations, phone state).
    case sip
    /// An integration using a service token.
    case apiClient = "api_client"

    /// Manual changes (user, admin) are never overridden by an automatic change that happened before them.
    public var isManual: Bool { self == .user || self == .admin }
}
