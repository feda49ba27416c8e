/// The one base profile every user has; it decides which features the user may use (DIR-2).
public enum BaseProfile: String, Codable, Sendable, CaseIterable, Hashable {
    case basic
    case fixed
    case desktop
    case mobile
    case smartphone
    case smartphonePlus = "smartphone_plus"
    case desktopMobile = "desktop_mobile"
    case desktopSmartphone = "desktop_smartphone"

    /// The terminals a user of this profile may have (ROUTE-2); a desk phone is optional on all but basic.
    public var terminals: [Terminal] {
        switch self {
        case .basic: [.mobile]
        case .fixed: [.deskPhone]
        case .desktop: [.softphone, .deskPhone]
        case .mobile: [.mobile, .deskPhone]
        case .smartphone: [.app, .deskPhone]
        case .smartphonePlus: [.app, .webClient, .deskPhone]
        case .desktopMobile: [.softphone, .mobile, .deskPhone]
        case .desktopSmartphone: [.softphone, .app, .deskPhone]
        }
    }
}

/// A device or client a call can ring on.
public enum Terminal: String, Codable, Sendable, CaseIterable, Hashable {
    case softphone
    case deskPhone = "desk_phone"
    case mobile
    case app
    case webClient = "web_client"
}
