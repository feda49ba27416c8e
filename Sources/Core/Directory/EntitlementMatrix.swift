/// The DIR-2 entitlement matrix as data: which profile may use which feature, and how.
public struct EntitlementMatrix: Sendable {
    private let table: [Feature: [BaseProfile: Entitlement]]

    /// Builds a matrix from rows; a missing cell means `denied`.
    public init(_ table: [Feature: [BaseProfile: Entitlement]]) { self.table = table }

    /// The entitlement of `profile` for `feature`.
    public func entitlement(_ feature: Feature, for profile: BaseProfile) -> Entitlement {
        table[feature]?[profile] ?? .denied
    }

    /// The profiles that may use `feature` (in catalogue order).
    public func profilesAllowing(_ feature: Feature) -> [BaseProfile] {
        BaseProfile.allCases.filter { entitlement(feature, for: $0).permitsUse }
    }

    /// Checks an action; a refusal names the profiles that would allow it.
    public func check(_ feature: Feature, for profile: BaseProfile) throws(EntitlementError) -> Entitlement {
        let value = entitlement(feature, for: profile)
        guard value.permitsUse else {
            throw EntitlementError(feature: feature, profile: profile, allowedProfiles: profilesAllowing(feature))
        }
        return value
    }
}

/// A feature refused for a profile.
public struct EntitlementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The feature that was refused.
    public var feature: Feature
    /// The base profile that may not use the feature.
    public var profile: BaseProfile
    /// The base profiles that would allow the feature, named in the error message.
    public var allowedProfiles: [BaseProfile]

    public var description: String {
        "profile '\(profile.rawValue)' may not use '\(feature.rawValue)'; profiles that may: "
            + allowedProfiles.map(\.rawValue).joined(separator: ", ")
    }
}

extension EntitlementMatrix {
    /// The matrix of SPEC DIR-2, column order: basic, fixed, desktop, mobile, smartphone,
    /// smartphone_plus, desktop_mobile, desktop_smartphone.
    public static let standard: EntitlementMatrix = {
        let y = Entitlement.allowed, n = Entitlement.denied
        let s = Entitlement.phoneOrWebOnly, t = Entitlement.enterpriseNumbersOnly, w = Entitlement.webClientCallback
        let rows: [Feature: [Entitlement]] = [
            .webPage: [y, y, y, y, y, y, y, y],
            .softwareDownload: [n, n, y, n, y, y, y, y],
            .groupLogin: [n, y, y, y, y, y, y, y],
            .agentSupervisorAddOn: [n, y, y, y, y, y, y, y],
            .operatorAddOn: [n, n, y, n, n, n, y, y],
            .instantMessages: [n, n, y, n, y, y, y, y],
            .sms: [s, s, y, s, y, y, y, y],
            .presence: [y, y, y, y, y, y, y, y],
            .callLogAndDirectory: [n, n, y, n, y, y, y, y],
            .callFromDirectory: [n, n, y, n, y, w, y, y],
            .transfer: [t, t, y, t, t, t, y, y],
            .recordingAndPickup: [n, y, y, n, n, n, y, y],
            .parkingFaxConferences: [y, y, y, y, y, y, y, y],
            .systemParking: [n, n, y, n, n, n, y, y],
            .mailbox: [n, y, y, y, y, y, y, y],
        ]
        var table: [Feature: [BaseProfile: Entitlement]] = [:]
        for (feature, cells) in rows {
            precondition(cells.count == BaseProfile.allCases.count, "row \(feature) has \(cells.count) cells")
            table[feature] = Dictionary(uniqueKeysWithValues: zip(BaseProfile.allCases, cells))
        }
        return EntitlementMatrix(table)
    }()
}
