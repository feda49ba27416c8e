/// A feature whose use depends on the user's base profile (the rows of the DIR-2 matrix).
public enum Feature: String, Codable, Sendable, CaseIterable, Hashable {
    case webPage = "web_page"
    case softwareDownload = "software_download"
    case groupLogin = "group_login"
    case agentSupervisorAddOn = "agent_supervisor_add_on"
    case operatorAddOn = "operator_add_on"
    case instantMessages = "instant_messages"
    case sms
    case presence
    case callLogAndDirectory = "call_log_and_directory"
    case callFromDirectory = "call_from_directory"
    case transfer
    case recordingAndPickup = "recording_and_pickup"
    case parkingFaxConferences = "parking_fax_conferences"
    case systemParking = "system_parking"
    case mailbox
}

/// How far a profile may use a feature.
public enum Entitlement: String, Codable, Sendable, Hashable {
    /// Fully allowed.
    case allowed
    /// Not allowed.
    case denied
    /// SMS only through the phone's own SMS or the web page (✓¹).
    case phoneOrWebOnly = "phone_or_web_only"
    /// Transfer only to enterprise/TTO numbers (✓²).
    case enterpriseNumbersOnly = "enterprise_numbers_only"
    /// Through the web client with callback (✓³).
    case webClientCallback = "web_client_callback"

    /// Whether the feature may be used at all.
    public var permitsUse: Bool { self != .denied }
}
