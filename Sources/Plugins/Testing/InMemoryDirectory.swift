import HubCore
import Synchronization

/// A ``DirectoryLookup`` over a list of users that tests can change.
public final class InMemoryDirectory: DirectoryLookup {
    private let users: Mutex<[UserID: User]>

    /// Creates a directory holding `users`.
    public init(users: [User] = []) {
        self.users = Mutex(Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }))
    }

    /// Adds or replaces a user.
    public func upsert(_ user: User) {
        users.withLock { $0[user.id] = user }
    }

    /// Removes a user.
    public func remove(_ id: UserID) {
        _ = users.withLock { $0.removeValue(forKey: id) }
    }

    /// The user with `id`, if any.
    public func user(_ id: UserID) async -> User? {
        users.withLock { $0[id] }
    }

    /// The user carrying `badge`, if any.
    public func user(badge: String) async -> User? {
        users.withLock { $0.values.sorted { $0.id < $1.id }.first { $0.badgeIDs.contains(badge) } }
    }

    /// The user whose calendar address is `address` (case-insensitive), if any.
    public func user(calendar address: String) async -> User? {
        let wanted = address.lowercased()
        return users.withLock { $0.values.sorted { $0.id < $1.id }.first { $0.calendar?.lowercased() == wanted } }
    }

    /// Every user with a calendar address, by id.
    public func usersWithCalendars() async -> [User] {
        users.withLock { $0.values.filter { $0.calendar != nil }.sorted { $0.id < $1.id } }
    }
}
