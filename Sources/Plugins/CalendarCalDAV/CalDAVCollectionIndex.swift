import Synchronization

/// What the adapter remembers per collection between incremental reads: the token it handed the engine
/// and, per calendar object (href), its ETag and the block ids it produced.
///
/// The engine upserts and removes blocks by id, while CalDAV reports changes by href; this map turns a
/// deleted or rewritten object into the ids to remove. It lives in memory only: after a restart the
/// engine's stored token no longer matches, and the adapter asks for a full read.
final class CalDAVCollectionIndex: Sendable {
    /// One collection's entry.
    struct Entry: Sendable {
        /// The sync token returned with the last read.
        var token: String
        /// Per href: ETag and block ids.
        var objects: [String: (etag: String?, ids: [String])]
    }

    private let entries = Mutex([String: Entry]())

    /// The entry of `collection`, if its token is `token`.
    func entry(_ collection: String, token: String) -> Entry? {
        entries.withLock { $0[collection].flatMap { $0.token == token ? $0 : nil } }
    }

    /// Replaces the entry of `collection`.
    func store(_ entry: Entry, for collection: String) { entries.withLock { $0[collection] = entry } }

    /// Collections remembered (for tests and statistics).
    var count: Int { entries.withLock { $0.count } }
}
