/// A tenant's floating add-on licences: N of each kind, taken and released by eligible users (DIR-3).
public struct LicencePool: Sendable, Equatable, Codable {
    /// How many licences of each add-on the tenant owns.
    public var capacity: [AddOn: Int]
    /// Who holds each add-on now.
    public private(set) var holders: [AddOn: Set<UserID>]

    /// Creates a pool owning `capacity` licences per add-on, with the users who already hold some.
    public init(capacity: [AddOn: Int], holders: [AddOn: Set<UserID>] = [:]) {
        self.capacity = capacity
        self.holders = holders
    }

    /// Licences of `addOn` still free.
    public func available(_ addOn: AddOn) -> Int {
        max(0, (capacity[addOn] ?? 0) - (holders[addOn]?.count ?? 0))
    }

    /// Whether `user` holds `addOn`.
    public func holds(_ user: UserID, _ addOn: AddOn) -> Bool { holders[addOn]?.contains(user) ?? false }

    /// Gives `user` one licence of `addOn` if their profile allows it and one is free; taking one already held is a no-op.
    public mutating func take(
        _ addOn: AddOn, for user: UserID, profile: BaseProfile, matrix: EntitlementMatrix = .standard
    ) throws(LicenceError) {
        if holds(user, addOn) { return }
        do { _ = try matrix.check(addOn.gatingFeature, for: profile) } catch {
            throw .profileNotEligible(addOn, profile: profile, allowed: error.allowedProfiles)
        }
        guard available(addOn) > 0 else {
            throw .noneFree(addOn, capacity: capacity[addOn] ?? 0)
        }
        holders[addOn, default: []].insert(user)
    }

    /// Returns `user`'s licence of `addOn` to the pool; releasing one not held is a no-op.
    public mutating func release(_ addOn: AddOn, for user: UserID) {
        holders[addOn]?.remove(user)
        if holders[addOn]?.isEmpty == true { holders[addOn] = nil }
    }

    /// Releases every licence `user` holds (the user is deleted).
    public mutating func releaseAll(for user: UserID) {
        for addOn in AddOn.allCases { release(addOn, for: user) }
    }

    /// Changes the number owned; refuses to go below the licences in use (or below zero).
    public mutating func setCapacity(_ count: Int, for addOn: AddOn) throws(LicenceError) {
        let inUse = holders[addOn]?.count ?? 0
        guard count >= inUse, count >= 0 else { throw .capacityBelowUse(addOn, requested: count, inUse: inUse) }
        capacity[addOn] = count
    }
}

/// Why a licence could not be taken or the pool changed.
public enum LicenceError: Error, Sendable, Equatable, CustomStringConvertible {
    case profileNotEligible(AddOn, profile: BaseProfile, allowed: [BaseProfile])
    case noneFree(AddOn, capacity: Int)
    case capacityBelowUse(AddOn, requested: Int, inUse: Int)

    public var description: String {
        switch self {
        case let .profileNotEligible(addOn, profile, allowed):
            "profile '\(profile.rawValue)' cannot take the '\(addOn.rawValue)' add-on; profiles that can: "
                + allowed.map(\.rawValue).joined(separator: ", ")
        case let .noneFree(addOn, capacity):
            "all \(capacity) '\(addOn.rawValue)' licences are taken; someone must release one first"
        case let .capacityBelowUse(addOn, requested, inUse):
            "cannot set '\(addOn.rawValue)' licences to \(requested): \(inUse) are in use"
        }
    }
}
